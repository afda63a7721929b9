import "server-only";
import { NextRequest } from "next/server";
import { log } from "@/lib/log";
import { handlers } from "./config";
import { publicOrigin } from "./origin";
import { safeReturnPath } from "./return-path";
import { explainSignInFailure } from "./sign-in-failures";

/**
 * Auth.js's endpoints (/api/auth/*), with two things added around them:
 *
 * - The request's URL is rebuilt on the console's public origin (lib/auth/origin.ts). Next.js
 *   hands route handlers a URL on the address it listens on (http://localhost:PORT), which Auth.js
 *   would put in the `redirect_uri` of the code exchange; behind a declared proxy that is not the
 *   address the sign-in started from. The origin comes from AUTH_URL or trusted headers only.
 * - A failed sign-in comes back to the sign-in page with a precise `error`
 *   (lib/auth/sign-in-failures.ts) and with where the person was going, read from Auth.js's own
 *   callback-url cookie.
 */
function atPublicOrigin(request: NextRequest): NextRequest {
  const { pathname, search } = request.nextUrl;
  return new NextRequest(`${publicOrigin(request.headers)}${pathname}${search}`, request);
}

/** Where the failed sign-in was going: Auth.js keeps it in a cookie (secure-prefixed over https). */
function returnPathOf(request: NextRequest): string | null {
  const value =
    request.cookies.get("__Secure-authjs.callback-url")?.value ??
    request.cookies.get("authjs.callback-url")?.value;
  if (!value || !URL.canParse(value, "http://callback.invalid")) return null;
  const url = new URL(value, "http://callback.invalid");
  const path = safeReturnPath(`${url.pathname}${url.search}${url.hash}`, "");
  return path && path !== "/" ? path : null;
}

export async function GET(request: NextRequest): Promise<Response> {
  const { response, failure } = await explainSignInFailure(
    request,
    () => handlers.GET(atPublicOrigin(request)),
    () => returnPathOf(request),
  );
  if (failure) log.info("auth.sign-in-failed", { failure });
  return response;
}

export async function POST(request: NextRequest): Promise<Response> {
  return handlers.POST(atPublicOrigin(request));
}
