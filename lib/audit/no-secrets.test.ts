import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { recordCreated, recordRotated } from "@/lib/applications/record/write";
import { queryRows } from "@/lib/db/connection";
import { describeEachDatabase } from "@/test/databases";
import { appendAuditEvent, type AuditEventInput } from "./write";

// Shaped like Wink's answers to a create and a rotate: the one place the console holds a secret.
const FIRST_SECRET = "wsk_live_3f9a1c7e5b2d4068a9e1f0c3b7d5e2a4";
const SECOND_SECRET = "wsk_live_9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e";
const created = {
  id: "app-1",
  clientId: "client-1",
  secretKey: FIRST_SECRET,
  name: "Booking site",
};
const rotated = {
  ...created,
  clientId: "client-2",
  secretKey: SECOND_SECRET,
  clientSecret: SECOND_SECRET,
};
const actor = { email: "admin@example.test", name: "Ada Admin", role: "admin" };

describeEachDatabase("the record and the audit history", (get) => {
  it("hold no secret after a create and a rotate, even from a caller that spreads Wink's answer", async () => {
    const { db } = get();
    await recordCreated(
      { ...created, entityId: "e1", applicationId: created.id, clientType: "WEB", actor },
      db,
    );
    await appendAuditEvent(
      {
        ...created,
        actor,
        action: "application.create",
        outcome: "succeeded",
        entityId: "e1",
        applicationId: created.id,
        applicationName: created.name,
        // A careless reason quoting a token request, and changes built from the whole answer.
        reason: `token request client_secret=${FIRST_SECRET}&grant_type=client_credentials`,
        changes: { ...created, scopes: { added: ["account.read"], removed: [] } },
      } as unknown as AuditEventInput,
      db,
    );
    await recordRotated(
      {
        ...rotated,
        entityId: "e1",
        applicationId: rotated.id,
        newClientId: rotated.clientId,
        actor,
      },
      db,
    );
    await appendAuditEvent(
      {
        ...rotated,
        actor,
        action: "application.rotate",
        outcome: "succeeded",
        entityId: "e1",
        applicationId: rotated.id,
      } as unknown as AuditEventInput,
      db,
    );

    const tables = await queryRows<{ table_schema: string; table_name: string }>(
      db,
      sql`select table_schema, table_name from information_schema.tables where table_schema in ('public', 'drizzle')`,
    );
    let scanned = 0;
    for (const { table_schema, table_name } of tables) {
      const rows = await queryRows<{ row: string }>(
        db,
        sql`select t::text as row from ${sql.identifier(table_schema)}.${sql.identifier(table_name)} t`,
      );
      for (const { row } of rows) {
        scanned++;
        expect(row).not.toContain(FIRST_SECRET);
        expect(row).not.toContain(SECOND_SECRET);
        expect(row.toLowerCase()).not.toContain("secretkey");
      }
    }
    // The scan saw the rows it was meant to: the record and both events.
    expect(scanned).toBeGreaterThanOrEqual(3);
    const [event] = await queryRows<{ reason: string; changes: unknown }>(
      db,
      sql`select reason, changes from audit_events where action = 'application.create'`,
    );
    expect(event?.changes).toEqual({ scopes: { added: ["account.read"], removed: [] } });
    expect(event?.reason).toContain("client_secret=[REDACTED]");
  });
});
