/**
 * Wink's OAuth2 client types (`UpsertApplicationRequest.clientType` in Wink's contract). Chosen at
 * create and never returned by Wink afterwards: the console and the sandbox both read them from here.
 */
export const CLIENT_TYPES = ["WEB", "SPA", "MOBILE", "MACHINE_2_MACHINE"] as const;
export type ClientType = (typeof CLIENT_TYPES)[number];
