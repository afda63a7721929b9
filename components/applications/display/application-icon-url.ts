/**
 * Application icon URLs. The builder checks the public_id's grammar and lives with the rest of the
 * feature's pure logic; this module keeps the components' import path.
 */
export { cloudinaryIconUrl } from "@/lib/applications/icon-identifier";
