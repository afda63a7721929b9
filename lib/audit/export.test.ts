import { describe, expect, it } from "vitest";
import {
  csvField,
  csvLine,
  CSV_HEADER,
  exportFilename,
  exportStream,
  neutraliseFormula,
  toExportRow,
} from "./export";
import type { ActivityEvent } from "./read";
import { parseCsvRecords } from "@/test/csv";

const event: ActivityEvent = {
  id: 7,
  occurredAt: new Date("2026-11-30T06:00:00.123Z"),
  actorEmail: "ada@example.test",
  actorName: 'Ada "the admin", Lovelace',
  actorRole: "admin",
  action: "application.update",
  outcome: "failed",
  entityId: "e1",
  applicationId: "app-1",
  applicationName: '=HYPERLINK("http://evil.test")',
  clientId: "client-1",
  winkStatus: 400,
  winkRequestId: "req-1",
  reason: "line one\nline two",
  changes: {
    scopes: { added: ["payment.write", "account.read"], removed: ["booking.read"] },
    redirectUris: { added: ["https://a.test/cb"], removed: [] },
  },
};

const parseCsv = parseCsvRecords;

describe("the activity export", () => {
  it("quotes per RFC 4180 and neutralises formulas", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi", then')).toBe('"say ""hi"", then"');
    expect(csvField("a\r\nb")).toBe('"a\r\nb"');
    expect(csvField(null)).toBe("");
    expect(csvField(400)).toBe("400");
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) {
      expect(neutraliseFormula(`${start}1+1`)).toBe(`'${start}1+1`);
    }
    expect(neutraliseFormula("1+1")).toBe("1+1");
  });

  it("writes a record that reads back to the page's columns", () => {
    const [header, record] = parseCsv(CSV_HEADER + csvLine(toExportRow(event)));
    const row = Object.fromEntries(header!.map((name, index) => [name, record![index]]));
    expect(row).toMatchObject({
      id: "7",
      occurred_at: "2026-11-30T06:00:00.123Z",
      actor_name: 'Ada "the admin", Lovelace',
      action_words: "updated",
      application_name: `'=HYPERLINK("http://evil.test")`,
      outcome_words: "Failed",
      reason: "line one\nline two",
      scopes_added: "payment.write account.read",
      scopes_removed: "booking.read",
      redirect_uris_added: "https://a.test/cb",
      redirect_uris_removed: "",
    });
  });

  it("streams one batch per read, CSV with its header, JSON lines without", async () => {
    const batches = async function* () {
      yield [event];
      yield [{ ...event, id: 6 }];
    };
    const csv = await new Response(exportStream(batches(), "csv")).text();
    expect(parseCsv(csv).map((record) => record[0])).toEqual(["id", "7", "6"]);
    const jsonl = await new Response(exportStream(batches(), "jsonl")).text();
    const rows = jsonl
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(rows.map((row) => row.id)).toEqual([7, 6]);
    expect(rows[0].application_name).toBe(event.applicationName);
    expect(rows[0].scopes_added).toEqual(["payment.write", "account.read"]);
  });

  it("names the file after the entity and the day, with nothing unsafe in it", () => {
    const day = new Date("2026-11-30T23:00:00Z");
    expect(exportFilename("ent-1", "csv", day)).toBe("activity-ent-1-2026-11-30.csv");
    expect(exportFilename('a"b/../c\r\n', "jsonl", day)).toBe(
      "activity-a_b_.._c_-2026-11-30.jsonl",
    );
  });
});
