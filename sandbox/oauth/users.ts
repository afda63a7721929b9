/**
 * The people who can sign in to the console through the sandbox's identity provider. All share
 * one password: this is a sandbox, and its sign-in page says so.
 */

export const SANDBOX_PASSWORD = "sandbox";

export interface SandboxUser {
  id: string;
  email: string;
  name: string;
  /** What the account is for, as the sign-in page explains it. */
  purpose: string;
}

export const SANDBOX_USERS: readonly SandboxUser[] = [
  {
    id: "3f6c2a91-7d4e-4b8a-9c15-2e8f0d6b4a73",
    email: "admin@sandbox.test",
    name: "Ada Admin",
    purpose: "an admin: list it in CONSOLE_ADMINS to create, edit, rotate and delete",
  },
  {
    id: "8b1d4e6f-2a3c-4d5e-9f70-1a2b3c4d5e6f",
    email: "viewer@sandbox.test",
    name: "Vic Viewer",
    purpose: "a viewer: list it in CONSOLE_VIEWERS to look without changing anything",
  },
  {
    id: "c4e6a8b0-5d7f-4a9b-8c1d-3e5f7a9b1c2d",
    email: "stranger@outside.test",
    name: "Sam Stranger",
    purpose: "someone from outside: in neither list, the console should turn them away",
  },
];

export function findUserByEmail(email: string): SandboxUser | undefined {
  const wanted = email.trim().toLowerCase();
  return SANDBOX_USERS.find((user) => user.email === wanted);
}

export function findUserById(id: string): SandboxUser | undefined {
  return SANDBOX_USERS.find((user) => user.id === id);
}
