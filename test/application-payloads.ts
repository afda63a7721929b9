/**
 * fast-check generators of what a browser, or a script calling the server actions directly, may
 * send as an application: valid payloads, and valid payloads with known defects injected.
 *
 * Each generated case carries the defects it was given, each naming the field the console must
 * blame. The classification is written here, apart from the form's schema, so that tests can hold
 * the schema to it instead of trusting the schema to grade itself.
 */
import fc from "fast-check";
import { CLIENT_TYPES, type ClientType } from "@/lib/wink-contract/schemas";
import { ALL_SCOPES } from "@/lib/wink-contract/scopes";

export type Defect = {
  /** The form field the console must name: `name`, `redirectUris`, `scopes`, … */
  field: string;
  /** What was broken, for the failure report. */
  what: string;
};

export type PayloadCase = {
  input: unknown;
  defects: Defect[];
  /** Members a caller may add that the console must ignore (a chosen clientId or secret). */
  smuggled?: Record<string, unknown>;
};

type Payload = Record<string, unknown> & {
  clientType?: unknown;
  redirectUris?: unknown;
  postLogoutRedirectUris?: unknown;
  scopes?: unknown;
};

const URIS_MAX_COUNT = 20;

// ---------------------------------------------------------------------------------------------
// Valid building blocks

/** A name's length as the rules count it: NFC-normalised, then trimmed. */
const trimmedLength = (value: string) => value.normalize("NFC").trim().length;

/**
 * Names must show something: at least one character that is not a space, a format character (Cf),
 * a control, a variation selector or one of the blank fillers (Hangul, Braille, Mongolian).
 */
const VISIBLE =
  /[^\s\p{Cf}\p{Cc}\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u2800\u3164\uFE00-\uFE0F\uFFA0\u{E0100}-\u{E01EF}]/u;
/** Controls, line separators and bidi embeddings or overrides are refused anywhere in a name. */
const FORBIDDEN_IN_NAME = /[\p{Cc}\u2028\u2029\u202A-\u202E]/u;
const isAllowedName = (name: string) =>
  trimmedLength(name) >= 1 &&
  trimmedLength(name) <= 100 &&
  VISIBLE.test(name) &&
  !FORBIDDEN_IN_NAME.test(name);

/** 1 to 100 characters once trimmed, from every corner of Unicode, edges included. */
export const validName: fc.Arbitrary<string> = fc
  .oneof(
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }),
    fc.string({ unit: "binary", minLength: 1, maxLength: 100 }),
    fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ._-]{0,60}$/),
    fc.constant("x".repeat(100)),
    fc.constant("  Padded name  "),
    fc.constant("Booking 予約 🏨 façade"),
    fc.constant("<script>alert(1)</script>"),
  )
  .filter(isAllowedName);

const pathSegment = fc.stringMatching(/^[A-Za-z0-9_~-]{1,12}$/);
const path = fc.array(pathSegment, { maxLength: 3 }).map((segments) => `/${segments.join("/")}`);
const query = fc.option(
  fc
    .tuple(fc.stringMatching(/^[a-z]{1,6}$/), fc.stringMatching(/^[A-Za-z0-9]{0,8}$/))
    .map(([key, value]) => `?${key}=${value}`),
  { nil: "" },
);

/** Written exactly as the WHATWG URL parser serialises it: the only form the rules accept. */
const writtenAsParsed = (uri: string) => URL.canParse(uri) && new URL(uri).href === uri;

const httpsUri = fc
  .oneof(
    fc
      .tuple(fc.domain(), fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }), path)
      .chain(([host, port, at]) =>
        query.map((q) => `https://${host}${port ? `:${port}` : ""}${at}${q}`),
      ),
    // fast-check's own web URLs (percent-encoding, odd paths), minus what the rules refuse anyway.
    fc
      .webUrl({ validSchemes: ["https"], withQueryParameters: true })
      .filter((uri) => !/[*#\s]/.test(uri) && URL.canParse(uri) && uri.length <= 2000),
  )
  .filter(writtenAsParsed);

const loopbackUri = fc
  .tuple(
    fc.constantFrom("localhost", "127.0.0.1", "[::1]"),
    fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
    path,
  )
  .map(([host, port, at]) => `http://${host}${port ? `:${port}` : ""}${at}`);

const customSchemeUri = fc
  .tuple(fc.array(fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/), { minLength: 2, maxLength: 4 }), path)
  .map(([labels, at]) => `${labels.join(".")}:${at}`);

/** A redirect URI the rules accept for this client type (undefined: an edit, type unknown). */
function validUri(clientType: ClientType | undefined): fc.Arbitrary<string> {
  return clientType === "MOBILE" || clientType === undefined
    ? fc.oneof(httpsUri, loopbackUri, customSchemeUri)
    : fc.oneof(httpsUri, loopbackUri);
}

function normalised(uri: string): string {
  try {
    return new URL(uri.trim()).href;
  } catch {
    return uri.trim();
  }
}

function uriList(clientType: ClientType | undefined, minLength: number, maxLength: number) {
  return fc.uniqueArray(validUri(clientType), { minLength, maxLength, selector: normalised });
}

const validIcon = fc.oneof(
  fc.constant(null),
  fc.constant(""),
  fc.constant("  brand/app-icon  "),
  fc
    .stringMatching(/^[A-Za-z0-9_-]{1,16}(\/[A-Za-z0-9_.-]{1,16}){0,3}$/)
    // No dot segments: a "." or ".." would move the image URL's path.
    .filter((icon) => !icon.includes("..") && !icon.split("/").includes(".")),
);

const validScopes = fc.subarray([...ALL_SCOPES]);

function usesRedirects(clientType: unknown): boolean {
  return clientType !== "MACHINE_2_MACHINE";
}

export const validCreate: fc.Arbitrary<Payload> = fc
  .constantFrom(...CLIENT_TYPES)
  .chain((clientType) =>
    fc.record({
      name: validName,
      clientType: fc.constant(clientType),
      redirectUris: usesRedirects(clientType) ? uriList(clientType, 1, 4) : fc.constant([]),
      postLogoutRedirectUris: usesRedirects(clientType)
        ? uriList(clientType, 0, 3)
        : fc.constant([]),
      scopes: validScopes,
      iconIdentifier: validIcon,
    }),
  );

export const validUpdate: fc.Arbitrary<Payload> = fc.record({
  name: validName,
  redirectUris: uriList(undefined, 0, 4),
  postLogoutRedirectUris: uriList(undefined, 0, 3),
  scopes: validScopes,
  iconIdentifier: validIcon,
});

// ---------------------------------------------------------------------------------------------
// Defects: each one, alone, makes the payload invalid and names the field to blame.

/** Applies itself to a payload (mutating it) and says what it broke, or null when it does not apply. */
type Injection = { apply(payload: Payload): Defect | null };

const inject = (field: string, what: string, change: (payload: Payload) => boolean | void) => ({
  apply(payload: Payload): Defect | null {
    return change(payload) === false ? null : { field, what };
  },
});

const badName: fc.Arbitrary<Injection> = fc
  .oneof(
    fc.constantFrom<unknown>("", " ", "\t\n", "\u00a0\u2003", "\u3000", "\ufeff"),
    // Names that render as nothing, or that break lines or reorder the text around them.
    fc.constantFrom<unknown>(
      "\u200b",
      "\u200b\u200d\u2060",
      "\ufe0f",
      "\u3164",
      "\u202econfirm",
      "Tab\tname",
      "Line\nbreak",
      "nul\u0000",
    ),
    fc
      .string({ unit: "grapheme-composite", minLength: 101, maxLength: 160 })
      .filter((name) => trimmedLength(name) > 100),
    fc.constant("y".repeat(101)),
    fc.constantFrom<unknown>(42, null, ["Name"], { name: "Name" }, true),
  )
  .map((name) =>
    inject("name", `name ${JSON.stringify(name)?.slice(0, 40)}`, (payload) => {
      payload.name = name;
    }),
  );

const missingName = fc.constant(
  inject("name", "name missing", (payload) => {
    delete payload.name;
  }),
);

const badClientType: fc.Arbitrary<Injection> = fc
  .constantFrom<unknown>(
    "web",
    "Web",
    "ADMIN",
    "",
    "MACHINE_TO_MACHINE",
    "SPA ",
    "PUBLIC",
    null,
    7,
    {},
    undefined,
  )
  .map((clientType) =>
    inject("clientType", `clientType ${String(clientType)}`, (payload) => {
      if (clientType === undefined) delete payload.clientType;
      else payload.clientType = clientType;
    }),
  );

/**
 * Refused whatever the client type, one rule per group, so that every rule is met often enough
 * in a thousand runs, and alone, for a missing rule to show.
 */
const alwaysBadUri = fc.oneof(
  // Wildcards: a host wildcard (also not a valid URL), and ones only the wildcard rule catches.
  fc.constantFrom(
    "https://*.example.com/callback",
    "https://app.example.com/*",
    "https://app.example.com/cb?next=*",
  ),
  // Fragments.
  fc.oneof(
    fc.constantFrom("https://app.example.com/cb#section", "https://app.example.com/cb#"),
    httpsUri.map((uri) => `${uri}#fragment`),
  ),
  // Plain http anywhere but loopback.
  fc.constantFrom(
    "http://app.example.com/callback",
    "http://10.0.0.1/callback",
    "http://127.0.0.2/callback",
    "http://localhost.evil.example/callback",
  ),
  // Schemes that run code or read local data.
  fc.constantFrom(
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
    "vbscript:msgbox(1)",
    "blob:https://app.example.com/0b7e5c1a",
    "about:blank",
  ),
  // Not absolute.
  fc.constantFrom("/callback", "callback", "//evil.example/callback", "https://"),
  // Empty, spaces, credentials, length.
  fc.constantFrom("", "   ", "https://app.example.com/a b"),
  fc.constant("https://user:pass@app.example.com/callback"),
  fc.constant(`https://app.example.com/${"a".repeat(2000)}`),
);

type UriField = "redirectUris" | "postLogoutRedirectUris";

function uriDefects(field: UriField, typed: boolean): fc.WeightedArbitrary<Injection>[] {
  const list = (payload: Payload): string[] | null =>
    Array.isArray(payload[field]) ? (payload[field] as string[]) : null;

  const badUri = fc.tuple(alwaysBadUri, fc.nat()).map(([uri, at]) =>
    inject(field, `${field} holds ${JSON.stringify(uri.slice(0, 60))}`, (payload) => {
      const uris = list(payload);
      if (!uris) return false;
      uris.splice(at % (uris.length + 1), 0, uri);
    }),
  );

  // A custom scheme is fine for a mobile app, and for an edit (the type is unknown there).
  const customScheme = fc.tuple(customSchemeUri, fc.nat()).map(([uri, at]) =>
    inject(field, `${field} holds custom scheme ${uri}`, (payload) => {
      const uris = list(payload);
      if (!typed || !uris || payload.clientType === "MOBILE") return false;
      if (!(CLIENT_TYPES as readonly unknown[]).includes(payload.clientType)) return false;
      uris.splice(at % (uris.length + 1), 0, uri);
    }),
  );

  // The same URI twice, written differently (case of the host, the default port).
  const duplicate = fc.constantFrom("same", "host-case", "default-port").map((how) =>
    inject(field, `${field} lists a URI twice (${how})`, (payload) => {
      const uris = list(payload);
      if (!uris) return false;
      const original =
        uris.find((uri) => typeof uri === "string" && uri.startsWith("https://")) ??
        "https://app.example.com/cb";
      if (!uris.includes(original)) uris.push(original);
      const url = new URL(original);
      const copy =
        how === "host-case"
          ? original.replace(url.host, url.host.toUpperCase())
          : how === "default-port" && !url.port
            ? original.replace(url.host, `${url.host}:443`)
            : original;
      uris.push(copy);
    }),
  );

  const tooMany = fc
    .uniqueArray(httpsUri, {
      minLength: URIS_MAX_COUNT + 1,
      maxLength: 60,
      selector: normalised,
    })
    .map((uris) =>
      inject(field, `${field} lists ${uris.length} URIs`, (payload) => {
        payload[field] = uris;
      }),
    );

  const notAList = fc
    .constantFrom<unknown>("https://app.example.com/cb", null, 42, { 0: "https://a.example" })
    .map((value) =>
      inject(field, `${field} is ${JSON.stringify(value)}`, (payload) => {
        payload[field] = value;
      }),
    );

  const notStrings = fc.constantFrom<unknown>(42, null, ["https://a.example"]).map((value) =>
    inject(field, `${field} holds ${JSON.stringify(value)}`, (payload) => {
      const uris = list(payload);
      if (!uris) return false;
      (uris as unknown[]).push(value);
    }),
  );

  const missing = fc.constant(
    inject(field, `${field} missing`, (payload) => {
      delete payload[field];
    }),
  );

  return [
    { arbitrary: badUri, weight: 4 },
    { arbitrary: customScheme, weight: 1 },
    { arbitrary: duplicate, weight: 1 },
    { arbitrary: tooMany, weight: 1 },
    { arbitrary: notAList, weight: 1 },
    { arbitrary: notStrings, weight: 1 },
    { arbitrary: missing, weight: 1 },
  ];
}

/** Create only: an interactive client without a redirect URI, a machine client with one. */
const redirectPresence: fc.Arbitrary<Injection>[] = [
  fc.constant(
    inject("redirectUris", "an interactive client without redirect URIs", (payload) => {
      if (!(CLIENT_TYPES as readonly unknown[]).includes(payload.clientType)) return false;
      if (!usesRedirects(payload.clientType)) return false;
      payload.redirectUris = [];
    }),
  ),
  fc.constantFrom<UriField>("redirectUris", "postLogoutRedirectUris").chain((field) =>
    httpsUri.map((uri) =>
      inject(field, `a machine client with ${field}`, (payload) => {
        if (payload.clientType !== "MACHINE_2_MACHINE" || !Array.isArray(payload[field])) {
          return false;
        }
        (payload[field] as string[]).push(uri);
      }),
    ),
  ),
];

const badScopes: fc.Arbitrary<Injection>[] = [
  fc
    .constantFrom(
      "account.admin",
      "ACCOUNT.READ",
      "booking.*",
      "",
      "openid",
      "payment.refund",
      "account.read ",
      "offline_access",
    )
    .map((scope) =>
      inject("scopes", `unknown scope ${JSON.stringify(scope)}`, (payload) => {
        if (!Array.isArray(payload.scopes)) return false;
        payload.scopes.push(scope);
      }),
    ),
  fc.constantFrom(...ALL_SCOPES).map((scope) =>
    inject("scopes", `scope ${scope} twice`, (payload) => {
      if (!Array.isArray(payload.scopes)) return false;
      if (!payload.scopes.includes(scope)) payload.scopes.push(scope);
      payload.scopes.push(scope);
    }),
  ),
  fc.constantFrom<unknown>("account.read", null, 1, { read: true }, undefined).map((scopes) =>
    inject("scopes", `scopes is ${JSON.stringify(scopes)}`, (payload) => {
      if (scopes === undefined) delete payload.scopes;
      else payload.scopes = scopes;
    }),
  ),
];

const badIcon = fc
  .constantFrom<unknown>(
    "../etc/passwd",
    "brand/./icon",
    "%2e%2e/other-cloud/pixel",
    "//evil.example/pixel",
    "brand/../../secret",
    "..",
    "/absolute/icon",
    "folder/",
    "a\\b",
    "<script>alert(1)</script>",
    "https://evil.example/x.png",
    "brand/ icon",
    "x".repeat(256),
    42,
    undefined,
    ["brand/icon"],
  )
  .map((icon) =>
    inject("iconIdentifier", `iconIdentifier ${JSON.stringify(icon)?.slice(0, 40)}`, (payload) => {
      if (icon === undefined) delete payload.iconIdentifier;
      else payload.iconIdentifier = icon;
    }),
  );

/** One defect, spread evenly over the fields rather than over the many kinds of bad URI. */
function defectOf(typed: boolean): fc.Arbitrary<Injection> {
  return fc.oneof(
    { arbitrary: fc.oneof(badName, missingName), weight: 2 },
    { arbitrary: fc.oneof(...uriDefects("redirectUris", typed)), weight: 3 },
    { arbitrary: fc.oneof(...uriDefects("postLogoutRedirectUris", typed)), weight: 2 },
    { arbitrary: fc.oneof(...badScopes), weight: 2 },
    { arbitrary: badIcon, weight: 2 },
    ...(typed
      ? [
          { arbitrary: badClientType, weight: 2 },
          { arbitrary: fc.oneof(...redirectPresence), weight: 1 },
        ]
      : []),
  );
}

const createDefect = defectOf(true);
const updateDefect = defectOf(false);

/** What a caller may add that the schema drops: the console must not pass any of it to Wink. */
const smuggled = fc.constantFrom<Record<string, unknown>>(
  { clientId: "chosen-by-caller", secretKey: "chosen-secret" },
  { id: "00000000-0000-4000-8000-000000000000", userIdentifier: "someone-else" },
  { managingEntityId: "another-entity", role: "console" },
);

function withDefects(
  base: fc.Arbitrary<Payload>,
  defect: fc.Arbitrary<Injection>,
): fc.Arbitrary<PayloadCase> {
  return fc
    .tuple(base, fc.array(defect, { minLength: 1, maxLength: 3 }))
    .map(([payload, injections]) => {
      const input = structuredClone(payload);
      const defects = injections
        .map((injection) => injection.apply(input))
        .filter((defect): defect is Defect => defect !== null);
      return { input, defects };
    });
}

function valid(base: fc.Arbitrary<Payload>): fc.Arbitrary<PayloadCase> {
  return fc.tuple(base, fc.option(smuggled, { freq: 3 })).map(([payload, extra]) => ({
    input: extra ? { ...payload, ...extra } : payload,
    defects: [],
    ...(extra ? { smuggled: extra } : {}),
  }));
}

/** Not an object at all, or an object with nothing the form knows. */
const junk: fc.Arbitrary<PayloadCase> = fc
  .oneof(
    fc.constantFrom<unknown>(null, undefined, "", "name=x", 42, true, [], {}, [{ name: "x" }]),
    fc.anything({ maxDepth: 2 }),
  )
  .filter((value) => typeof value !== "object" || value === null || !("name" in value))
  .map((input) => ({ input, defects: [{ field: "*", what: "not an application at all" }] }));

/** Mostly invalid (three in four), some valid, a few not even objects. */
export const createCases: fc.Arbitrary<PayloadCase> = fc.oneof(
  { arbitrary: valid(validCreate), weight: 6 },
  { arbitrary: withDefects(validCreate, createDefect), weight: 17 },
  { arbitrary: junk, weight: 1 },
);

export const updateCases: fc.Arbitrary<PayloadCase> = fc.oneof(
  { arbitrary: valid(validUpdate), weight: 6 },
  { arbitrary: withDefects(validUpdate, updateDefect), weight: 17 },
  { arbitrary: junk, weight: 1 },
);

/** Whether the console's field errors blame at least one of the fields the defects broke. */
export function blamesADefect(fieldErrors: Record<string, string>, defects: Defect[]): boolean {
  const keys = Object.keys(fieldErrors);
  if (defects.some((defect) => defect.field === "*")) return keys.length > 0;
  return keys.some((key) =>
    defects.some(({ field }) => key === field || key.startsWith(`${field}.`)),
  );
}
