/**
 * drizzle-kit's settings: `npx drizzle-kit generate --name <what-changed>` writes the SQL migration
 * for a change to lib/db/schema.ts into lib/db/migrations/ (committed). The console applies them
 * itself (`npm run db:migrate`, and `npm start` before it serves), so no database URL is needed here.
 */
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema.ts",
  out: "./lib/db/migrations",
  strict: true,
});
