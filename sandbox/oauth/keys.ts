import { generateKeyPair, type JsonWebKey } from "node:crypto";
import { promisify } from "node:util";

/**
 * The RS256 key that signs ID tokens (RS256 is what OIDC clients expect by default). Generated once
 * per process and not persisted: after a restart clients fetch the new JWKS, and admins sign in
 * again anyway because sessions live in memory.
 *
 * Generation starts when this module loads: an RSA key takes about half a second, which then
 * overlaps with loading the rest of the sandbox instead of delaying the start.
 */
const signingKey: Promise<JsonWebKey> = promisify(generateKeyPair)("rsa", {
  modulusLength: 2048,
}).then(({ privateKey }) => ({
  ...privateKey.export({ format: "jwk" }),
  kid: `sandbox-${Date.now().toString(36)}`,
  use: "sig",
  alg: "RS256",
}));

export function idTokenSigningKey(): Promise<JsonWebKey> {
  return signingKey;
}
