/**
 * The managing entities (Wink accounts) of the sandbox: the first, which owns the console's own
 * application, and a second that the same account owner manages, so the console has an entity to
 * switch to. Wink's entity carries far more than the
 * console needs; every member the schema requires is filled so that contract checks pass.
 * `address` is left out: the contract types SimpleAddress as "null", so no address conforms.
 */

export const MANAGING_ENTITY_ID = "d5b8a3c2-9e6f-4a1b-8d34-7c2e1f0a5b69";
export const MANAGING_ENTITY_NAME = "Sandbox Travel Co.";
/** The second entity: Ada manages it too, so the console's credential (hers) sees both. */
export const SECOND_ENTITY_ID = "7a1c9e52-3b4d-4f6a-8c2e-1d3f5b7a9c0e";
export const SECOND_ENTITY_NAME = "Sandbox Hotels Ltd.";
/** The Wink user who owns the account; applications created through the API belong to them. */
export const ACCOUNT_OWNER_USER_ID = "3f6c2a91-7d4e-4b8a-9c15-2e8f0d6b4a73";

const CREATED = "2024-03-18T09:30:00Z";
const UPDATED = "2025-01-06T14:12:00Z";

/** Where both seeded entities are based: GeoNames' Dublin, as Wink's city objects read. */
const DUBLIN = {
  geoNameId: "2964574",
  type: "CITY",
  name: "Dublin",
  urlName: "dublin-ireland",
  asciiName: "Dublin",
  countryCode: "IE",
  timezone: "Europe/Dublin",
  country: { iso: "IE", name: "Ireland", currencyCode: "EUR", geoNameId: "2963597" },
} as const;

/** The account's owner, a manager of both entities (the sandbox's admin user). */
const ACCOUNT_OWNER = {
  email: "admin@sandbox.test",
  status: "ACCEPTED",
  userIdentifier: ACCOUNT_OWNER_USER_ID,
  firstName: "Ada",
  lastName: "Admin",
  owner: true,
  sectionGrants: [{ section: "ALL", level: "FULL" }],
  name: "Ada Admin",
  active: true,
} as const;

export const MANAGING_ENTITIES = [
  {
    id: MANAGING_ENTITY_ID,
    createdDate: CREATED,
    lastUpdate: UPDATED,
    version: 7,
    userIdentifier: ACCOUNT_OWNER_USER_ID,
    ownerIdentifier: "wink",
    managers: [
      ACCOUNT_OWNER,
      {
        email: "viewer@sandbox.test",
        status: "ACCEPTED",
        userIdentifier: "8b1d4e6f-2a3c-4d5e-9f70-1a2b3c4d5e6f",
        firstName: "Vic",
        lastName: "Viewer",
        owner: false,
        sectionGrants: [{ section: "ACCOUNT", level: "READ" }],
        name: "Vic Viewer",
        active: true,
      },
    ],
    ownerType: "COMPANY",
    type: "TRAVEL_AGENT",
    name: MANAGING_ENTITY_NAME,
    description: "A fictional travel company that lives in the Wink sandbox.",
    legalName: "Sandbox Travel Company Ltd.",
    urlName: "sandbox-travel-co",
    uniqueId: "SANDBOX-TRAVEL-CO",
    accountEmail: "accounts@sandbox-travel.example",
    accountPhoneNumber: "+35312345678",
    url: "https://sandbox-travel.example",
    currencyCode: "EUR",
    status: "ACTIVE",
    city: DUBLIN,
    marketingOptinAllowed: false,
    verified: true,
  },
  {
    id: SECOND_ENTITY_ID,
    createdDate: "2024-09-02T08:00:00Z",
    lastUpdate: UPDATED,
    version: 2,
    userIdentifier: ACCOUNT_OWNER_USER_ID,
    ownerIdentifier: "wink",
    managers: [ACCOUNT_OWNER],
    ownerType: "COMPANY",
    type: "HOTEL",
    name: SECOND_ENTITY_NAME,
    description: "A fictional hotel group that the same account owner manages.",
    legalName: "Sandbox Hotels Limited",
    urlName: "sandbox-hotels-ltd",
    uniqueId: "SANDBOX-HOTELS-LTD",
    accountEmail: "accounts@sandbox-hotels.example",
    accountPhoneNumber: "+35312345679",
    url: "https://sandbox-hotels.example",
    currencyCode: "EUR",
    status: "ACTIVE",
    city: DUBLIN,
    marketingOptinAllowed: false,
    verified: true,
  },
] as const;

export type ManagingEntity = (typeof MANAGING_ENTITIES)[number];

export function findManagingEntity(id: string): ManagingEntity | undefined {
  return MANAGING_ENTITIES.find((entity) => entity.id === id);
}
