import { randomUUID } from "node:crypto";

import { hashSecret, newClientId, unknownSecretHash } from "./credentials";
import {
  ACCOUNT_OWNER_USER_ID,
  MANAGING_ENTITY_ID,
  MANAGING_ENTITY_NAME,
  SECOND_ENTITY_ID,
} from "./managing-entity";
import type { ClientType, StoredApplication, StoredState } from "./types";

export const CONSOLE_APPLICATION_ID = "0b7e5c1a-3f2d-4e8b-9a6c-5d4e3f2a1b0c";
export const FOUNDING_APPLICATION_ID = "9c2e7f1a-4b8d-4e3c-a5f6-2d9b1e0c7a43";
export const CONSOLE_APPLICATION_NAME = "Applications Console";
export const CONSOLE_SCOPES = ["account.read", "account.write", "account.remove"];

export interface ConsoleCredentialConfig {
  clientId: string;
  clientSecret: string;
}

const SEEDED_AT = "2025-01-06T14:12:00.000Z";

type SampleApplication = Pick<StoredApplication, "id" | "name" | "clientType" | "clientId"> &
  Partial<StoredApplication>;

/** Samples that cover every client type, the risky sections, MCP and an OIDC-only client. */
const SAMPLE_APPLICATIONS: SampleApplication[] = [
  {
    id: "4a8f2c6e-1b3d-4f5a-8c7e-9d0b1a2c3e4f",
    name: "Booking Engine Widget",
    clientType: "SPA",
    clientId: "6f1d2c3b4a5e6d7c8b9a0f1e2d3c4b5a",
    redirectUris: ["https://book.sandbox-travel.example/callback"],
    postLogoutRedirectUris: ["https://book.sandbox-travel.example/"],
    scopes: ["booking.read", "booking.write", "inventory.read", "content.read"],
    // No icon: the console shows icons from res.cloudinary.com, which a sandbox (loopback only,
    // often offline) cannot reach, and each failed image is an error in the browser's console.
    // Icons are covered by applications created with one.
    iconIdentifier: null,
  },
  {
    id: "7e3b9d1f-5c2a-4e6b-8f0d-1c3e5a7b9d2f",
    name: "Concierge iOS App",
    clientType: "MOBILE",
    clientId: "a1b2c3d4e5f60718293a4b5c6d7e8f90",
    redirectUris: ["travel.sandbox.concierge:/oauth2/callback"],
    postLogoutRedirectUris: ["travel.sandbox.concierge:/signed-out"],
    scopes: ["booking.read", "booking.write", "marketing.read"],
  },
  {
    id: "2d6a8c0e-4f1b-4a3c-9e5d-7b9f1d3a5c7e",
    name: "Nightly Revenue Export",
    clientType: "MACHINE_2_MACHINE",
    clientId: "0f9e8d7c6b5a49382716a5b4c3d2e1f0",
    scopes: ["analytics.read", "accounting.read", "payment.read"],
  },
  {
    id: "5b7d9f1a-3c5e-4b7d-a9f1-3c5e7a9b1d3f",
    name: "Payouts Reconciler",
    clientType: "MACHINE_2_MACHINE",
    clientId: "1e2d3c4b5a69788796a5b4c3d2e1f00f",
    scopes: [
      "payment.read",
      "payment.write",
      "accounting.read",
      "accounting.write",
      "accounting.remove",
    ],
  },
  {
    id: "8c0e2a4b-6d8f-4c1e-b3a5-7d9f1b3c5e7a",
    name: "Trip Planner AI Agent",
    clientType: "MACHINE_2_MACHINE",
    clientId: "9a8b7c6d5e4f30211203f4e5d6c7b8a9",
    scopes: ["mcp.read", "mcp.write", "inventory.read", "booking.read"],
  },
  {
    id: "3e5a7c9e-1b3d-4e5f-8a7b-9c1d3e5f7a9b",
    name: "Partner Portal Sign-in",
    clientType: "WEB",
    clientId: "5c4b3a29180f7e6d5c4b3a2918076e5d",
    redirectUris: ["https://partners.sandbox-travel.example/auth/callback"],
    postLogoutRedirectUris: ["https://partners.sandbox-travel.example/signed-out"],
    scopes: [],
  },
  {
    id: "6f8b0d2e-4a6c-4f8e-a0b2-4d6f8a0c2e4a",
    name: "Channel Manager Sync",
    clientType: "WEB",
    clientId: "b7a6c5d4e3f2011029384756abcdef01",
    redirectUris: ["https://channels.sandbox-travel.example/oauth/callback"],
    scopes: ["integrations.read", "integrations.write", "inventory.read", "inventory.write"],
  },
];

/** The second entity's applications: a few, so switching to it shows a different list. */
const SECOND_ENTITY_APPLICATIONS: SampleApplication[] = [
  {
    id: "b3d5f7a9-1c2e-4a6b-8d0f-2e4a6c8e0b1d",
    managingEntityId: SECOND_ENTITY_ID,
    name: "Harbour Hotel Booking",
    clientType: "WEB",
    clientId: "c0ffee00b3d5f7a91c2e4a6b8d0f2e4a",
    redirectUris: ["https://book.sandbox-hotels.example/callback"],
    postLogoutRedirectUris: ["https://book.sandbox-hotels.example/"],
    scopes: ["booking.read", "booking.write", "inventory.read"],
  },
  {
    id: "c4e6a8b0-2d3f-4b7c-9e1a-3f5b7d9f1c2e",
    managingEntityId: SECOND_ENTITY_ID,
    name: "Housekeeping Tablet App",
    clientType: "MOBILE",
    clientId: "5eed5eedc4e6a8b02d3f4b7c9e1a3f5b",
    redirectUris: ["example.hotels.housekeeping:/oauth2/callback"],
    scopes: ["inventory.read"],
  },
  {
    id: "d5f7b9c1-3e4a-4c8d-8f2b-4a6c8e0a2d3f",
    managingEntityId: SECOND_ENTITY_ID,
    name: "Night Audit Export",
    clientType: "MACHINE_2_MACHINE",
    clientId: "ab5e1ecfd5f7b9c13e4a4c8d8f2b4a6c",
    scopes: ["accounting.read", "analytics.read"],
  },
];

function application(sample: SampleApplication): StoredApplication {
  return {
    managingEntityId: MANAGING_ENTITY_ID,
    userIdentifier: ACCOUNT_OWNER_USER_ID,
    secretHash: unknownSecretHash(),
    redirectUris: [],
    postLogoutRedirectUris: [],
    scopes: [],
    iconIdentifier: null,
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
    ...sample,
  };
}

export function consoleApplication(credential: ConsoleCredentialConfig): StoredApplication {
  return application({
    id: CONSOLE_APPLICATION_ID,
    name: CONSOLE_APPLICATION_NAME,
    clientType: "MACHINE_2_MACHINE",
    clientId: credential.clientId,
    secretHash: hashSecret(credential.clientSecret),
    scopes: [...CONSOLE_SCOPES],
    role: "console",
    configuredCredential: true,
  });
}

/**
 * The state of a fresh sandbox: the founding application, the console's own and the samples in
 * the first entity, and a few applications in the second.
 */
export function seedState(consoleCredential: ConsoleCredentialConfig): StoredState {
  const founding = application({
    id: FOUNDING_APPLICATION_ID,
    name: MANAGING_ENTITY_NAME,
    clientType: "WEB",
    clientId: "d5b8a3c29e6f4a1b8d347c2e1f0a5b69",
    redirectUris: ["https://sandbox-travel.example/"],
    postLogoutRedirectUris: ["https://sandbox-travel.example/"],
    scopes: ["booking.read", "inventory.read", "content.read"],
    role: "founding",
  });
  return {
    format: "wink-sandbox-state",
    version: 1,
    applications: [
      founding,
      consoleApplication(consoleCredential),
      ...SAMPLE_APPLICATIONS.map(application),
      ...SECOND_ENTITY_APPLICATIONS.map(application),
    ],
  };
}

const PLACES = ["Lisbon", "Kyoto", "Cusco", "Reykjavik", "Zanzibar", "Quebec", "Hoi An", "Porto"];
const PRODUCTS = ["Booking Widget", "Rate Sync", "Guest App", "Reporting Job", "Concierge Bot"];
const GENERATED_PROFILES: { clientType: ClientType; scopes: string[] }[] = [
  { clientType: "WEB", scopes: ["booking.read", "inventory.read"] },
  { clientType: "SPA", scopes: ["booking.read", "booking.write", "content.read"] },
  { clientType: "MOBILE", scopes: ["booking.read", "marketing.read"] },
  { clientType: "MACHINE_2_MACHINE", scopes: ["analytics.read", "payment.read"] },
  { clientType: "MACHINE_2_MACHINE", scopes: ["mcp.read", "inventory.read"] },
  { clientType: "WEB", scopes: [] },
];

/**
 * Cheap, varied applications for volume tests: no OAuth work per application, just state.
 * `ordinal` numbers them across calls so that names stay unique.
 */
export function generatedApplication(ordinal: number, now: string): StoredApplication {
  const profile = GENERATED_PROFILES[ordinal % GENERATED_PROFILES.length]!;
  const place = PLACES[ordinal % PLACES.length]!;
  const product = PRODUCTS[Math.floor(ordinal / PLACES.length) % PRODUCTS.length]!;
  const host = `app-${ordinal}.generated.example`;
  const interactive = profile.clientType !== "MACHINE_2_MACHINE";
  return {
    id: randomUUID(),
    managingEntityId: MANAGING_ENTITY_ID,
    userIdentifier: ACCOUNT_OWNER_USER_ID,
    name: `${place} ${product} ${String(ordinal).padStart(5, "0")}`,
    clientType: profile.clientType,
    clientId: newClientId(),
    secretHash: unknownSecretHash(),
    redirectUris: interactive ? [`https://${host}/callback`] : [],
    postLogoutRedirectUris: interactive ? [`https://${host}/`] : [],
    scopes: [...profile.scopes],
    iconIdentifier: ordinal % 7 === 0 ? `generated/icon-${ordinal % 12}` : null,
    createdAt: now,
    updatedAt: now,
  };
}
