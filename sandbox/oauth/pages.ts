import type { HttpResult } from "../http/io";
import { SANDBOX_PASSWORD, SANDBOX_USERS } from "./users";

/**
 * The sandbox identity provider's pages: server-rendered, no external assets, one h1 each,
 * labelled fields, and colours that pass WCAG AA contrast on white.
 */

/**
 * Headers of every page: inline styles and, on sign-out, one inline script; nothing else. Forms
 * may post anywhere over http(s) because Chrome applies form-action to the redirects that follow a
 * post, and the sign-in ends in a redirect to the console.
 */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy":
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; form-action 'self' http: https:; frame-ancestors 'none'; base-uri 'none'",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
};

export function pageResult(status: number, html: string): HttpResult {
  return {
    status,
    headers: { "content-type": "text/html; charset=utf-8", ...PAGE_HEADERS },
    body: html,
  };
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const STYLES = `
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#f6f8fa}
main{max-width:30rem;margin:3rem auto;padding:2rem;background:#fff;border:1px solid #d0d7de;border-radius:8px}
h1{font-size:1.5rem;margin:0 0 .5rem}
h2{font-size:1.1rem;margin:2rem 0 .5rem}
p{margin:.5rem 0}
.muted{color:#57606a}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
input{width:100%;padding:.6rem .7rem;font:inherit;color:#1f2328;border:1px solid #8c959f;border-radius:6px}
button{font:inherit;font-weight:600;padding:.6rem 1rem;border-radius:6px;cursor:pointer;border:1px solid #0b57d0}
.primary{margin-top:1.25rem;width:100%;background:#0b57d0;color:#fff}
.secondary{background:#fff;color:#0b57d0}
:focus-visible{outline:3px solid #1f2328;outline-offset:2px}
.error{margin:1rem 0;padding:.75rem 1rem;border:1px solid #b3261e;border-radius:6px;background:#fdf2f1;color:#8c1d18}
ul{list-style:none;padding:0;margin:0}
li{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;justify-content:space-between;padding:.75rem 0;border-top:1px solid #d0d7de}
li p{margin:0;flex:1 1 14rem}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;background:#eaeef2;padding:.1rem .3rem;border-radius:4px}
.actions{display:flex;gap:.75rem;margin-top:1.25rem}
`;

function layout(title: string, body: string, script = ""): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Wink sandbox</title>
<style>${STYLES}</style>
</head>
<body>
<main>
${body}
</main>${script}
</body>
</html>`;
}

export interface LoginPageInput {
  uid: string;
  clientName: string;
  email?: string;
  error?: string;
}

export function loginPage({ uid, clientName, email = "", error }: LoginPageInput): string {
  const action = `/interaction/${encodeURIComponent(uid)}`;
  const accounts = SANDBOX_USERS.map(
    (user) => `<li>
<p><strong>${escapeHtml(user.name)}</strong> <span class="muted">${escapeHtml(user.email)}</span><br><span class="muted">${escapeHtml(user.purpose)}</span></p>
<form method="post" action="${action}/login">
<input type="hidden" name="email" value="${escapeHtml(user.email)}">
<input type="hidden" name="password" value="${SANDBOX_PASSWORD}">
<button type="submit" class="secondary">Sign in as ${escapeHtml(user.name)}</button>
</form>
</li>`,
  ).join("\n");

  return layout(
    "Sign in",
    `<h1>Sign in to the Wink sandbox</h1>
<p class="muted">You are signing in to ${escapeHtml(clientName)}. This page stands in for your organisation's identity provider.</p>
${error ? `<div class="error" role="alert">${escapeHtml(error)}</div>` : ""}
<form method="post" action="${action}/login">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(email)}"${error ? "" : " autofocus"}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${error ? " autofocus" : ""}>
<button type="submit" class="primary">Sign in</button>
</form>
<h2>Sandbox accounts</h2>
<p>Every account's password is <code>${SANDBOX_PASSWORD}</code>.</p>
<ul>
${accounts}
</ul>
<form method="post" action="${action}/abort" class="actions">
<button type="submit" class="secondary">Cancel sign-in</button>
</form>`,
  );
}

/**
 * The provider's sign-out confirmation. `form` is the provider's own hidden form (it carries the
 * xsrf token). When the console itself asked, the page confirms on its own: the admin already
 * clicked "Sign out" there.
 */
export function logoutPage(form: string, autoConfirm: boolean): string {
  const script = autoConfirm
    ? `\n<script>document.getElementById("op.logoutForm").requestSubmit(document.getElementById("sign-out"));</script>`
    : "";
  return layout(
    "Sign out",
    `<h1>Sign out of the Wink sandbox?</h1>
<p class="muted">You will need to sign in again to use the console.</p>
${form}
<div class="actions">
<button id="sign-out" type="submit" form="op.logoutForm" name="logout" value="yes" class="primary">Sign out</button>
<button type="submit" form="op.logoutForm" class="secondary">Stay signed in</button>
</div>`,
    script,
  );
}

export function signedOutPage(): string {
  return layout(
    "Signed out",
    `<h1>You are signed out</h1>
<p class="muted">You have signed out of the Wink sandbox. You can close this page.</p>`,
  );
}

export function errorPage(title: string, details: Record<string, string>): string {
  const rows = Object.entries(details)
    .map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd><code>${escapeHtml(value)}</code></dd>`)
    .join("\n");
  return layout(
    title,
    `<h1>${escapeHtml(title)}</h1>
<p class="muted">Go back to the application and start again.</p>
<dl>
${rows}
</dl>`,
  );
}
