/**
 * What the sign-in page says for each `error` it can be sent with: Auth.js's own codes and the
 * console's SignInFailure kinds (lib/auth/sign-in-failures.ts). Only a real configuration problem
 * names settings; the others say what happened and that starting again is enough. `variant`:
 * a person's own doing (a cancel, another tab) is a warning, not an error.
 */
export interface SignInProblem {
  title: string;
  detail: string;
  variant: "error" | "warning";
}

const PROBLEMS: Record<string, SignInProblem> = {
  Configuration: {
    title: "The identity provider could not be used",
    detail:
      "It did not answer, or it refused the console's client credentials. Try again in a moment; if it keeps failing, ask whoever runs the console to check AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET.",
    variant: "error",
  },
  Cancelled: {
    title: "Sign-in was cancelled",
    detail:
      "The identity provider reports that the sign-in was cancelled or declined there. Start again when you are ready. If you did not cancel, your organisation may not allow this account to use the console.",
    variant: "warning",
  },
  Expired: {
    title: "This sign-in took too long",
    detail:
      "Sign-in has to be finished within 15 minutes of starting it, and each one can be used once. Start again.",
    variant: "warning",
  },
  StartedElsewhere: {
    title: "Sign-in was started again elsewhere",
    detail:
      "A newer sign-in was started in another tab or window of this browser, and replaced this one. Finish signing in there, or start again here.",
    variant: "warning",
  },
  ProviderUnavailable: {
    title: "The identity provider could not finish sign-in",
    detail: "It reported a temporary problem on its side. Start again in a moment.",
    variant: "error",
  },
  Incomplete: {
    title: "Sign-in did not finish",
    detail:
      "The identity provider needed something from you that it could not ask for. Start again.",
    variant: "warning",
  },
  AccessDenied: {
    title: "Sign-in was refused",
    detail: "The identity provider did not let you sign in to the console.",
    variant: "error",
  },
};

const UNKNOWN: SignInProblem = {
  title: "Sign-in did not complete",
  detail: "Something went wrong between the console and the identity provider. Start again.",
  variant: "error",
};

/** The message for an `error` query value; any value not listed gets a general one. */
export function signInProblem(code: string): SignInProblem {
  return Object.hasOwn(PROBLEMS, code) ? PROBLEMS[code]! : UNKNOWN;
}
