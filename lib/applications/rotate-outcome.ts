/**
 * What the admin is told when a rotate was sent but no usable answer came back. Pure, so the words
 * can be tested; the server action builds it from the WinkError.
 */

export type LostAnswer = {
  kind: "http" | "timeout" | "network" | "invalid-response" | "token";
  status?: number;
};

function whatHappened({ kind, status }: LostAnswer): string {
  switch (kind) {
    case "timeout":
      return "Wink did not answer in time";
    case "network":
      return "The connection to Wink broke before its answer arrived";
    case "invalid-response":
      return "Wink's answer could not be read";
    case "http":
      return status ? `Wink failed (HTTP ${status})` : "Wink failed";
    case "token":
      return "The console could not reach Wink";
  }
}

/**
 * Rotate replaces the client ID as well as the secret, so the client ID tells whether it happened:
 * the admin compares it with the one before and knows whether another rotate is needed.
 */
export function rotateOutcomeUnknownMessage(answer: LostAnswer, previousClientId: string): string {
  return (
    `${whatHappened(answer)}, so the credentials may or may not have been rotated. ` +
    `Open the application and compare its client ID with the one before (${previousClientId}). ` +
    "If it changed, the rotate happened: the old pair no longer works and the new secret is lost, " +
    "so rotate again to get a pair you can store. If it is unchanged, nothing happened and it is " +
    "safe to try again."
  );
}
