import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

import type { IssuedCredential } from "./types";

/**
 * Secrets are 256 random bits, so a plain SHA-256 is enough to store them: there is nothing to
 * brute-force that a slow hash would protect. Only the hash is kept, in memory and on disk.
 */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function secretMatches(secret: string, secretHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), "hex");
  const stored = Buffer.from(secretHash, "hex");
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

export function newClientId(): string {
  return randomBytes(16).toString("hex");
}

export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function newCredential(): IssuedCredential {
  return { clientId: newClientId(), secretKey: newSecret() };
}

/**
 * A hash no secret is known for: the founding, sample and generated applications start with one
 * (rotate them to get a working secret). Random bytes look exactly like the hash of a random secret.
 */
export function unknownSecretHash(): string {
  return randomBytes(32).toString("hex");
}
