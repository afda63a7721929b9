import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lockDataDirectory } from "./data-dir-lock";
import { DatabaseSettingError, databaseTarget } from "./target";

const dir = mkdtempSync(path.join(tmpdir(), "console-target-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("databaseTarget", () => {
  it("uses the embedded database under .data/ when DATABASE_URL is unset or empty", () => {
    expect(databaseTarget({ DATABASE_URL: "" })).toEqual({
      kind: "pglite",
      dataDir: path.join(process.cwd(), ".data", "console-db"),
    });
    expect(databaseTarget({ CONSOLE_DATA_DIR: "/srv/console" })).toEqual({
      kind: "pglite",
      dataDir: "/srv/console",
    });
  });

  it("accepts postgres:// and postgresql:// URLs, also from DATABASE_URL_FILE", () => {
    const url = "postgresql://console:pw@db.internal:5432/console";
    expect(databaseTarget({ DATABASE_URL: url })).toEqual({ kind: "postgres", url });
    const file = path.join(dir, "url");
    writeFileSync(file, "postgres://console:pw@db:5432/c\n");
    expect(databaseTarget({ DATABASE_URL_FILE: file })).toEqual({
      kind: "postgres",
      url: "postgres://console:pw@db:5432/c",
    });
  });

  it("refuses DATABASE_URL set both ways, and names the variable and path of an unreadable file", () => {
    const file = path.join(dir, "url-both");
    writeFileSync(file, "postgres://console:hunter2@db:5432/c");
    expect(() =>
      databaseTarget({ DATABASE_URL: "postgres://console:hunter2@db/c", DATABASE_URL_FILE: file }),
    ).toThrow(/^DATABASE_URL_FILE and DATABASE_URL are both set/);
    const missing = path.join(dir, "missing-url");
    let message = "";
    try {
      databaseTarget({ DATABASE_URL_FILE: missing });
    } catch (error) {
      expect(error).toBeInstanceOf(DatabaseSettingError);
      message = (error as Error).message;
    }
    expect(message).toContain(`DATABASE_URL_FILE names a file that cannot be read (${missing}`);
  });

  it("refuses other URLs with a message that names the variable and not the password", () => {
    for (const value of ["mysql://u:hunter2@db/c", "hunter2@db:5432", "file:///x"]) {
      let error: unknown;
      try {
        databaseTarget({ DATABASE_URL: value });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(DatabaseSettingError);
      expect((error as Error).message).toMatch(/DATABASE_URL/);
      expect((error as Error).message).not.toContain("hunter2");
    }
  });
});

describe("lockDataDirectory", () => {
  it("refuses a directory a live process holds, and takes over one whose process is gone", () => {
    const data = path.join(dir, "db");
    const unlock = lockDataDirectory(data);
    expect(() => lockDataDirectory(data)).toThrow(/already open in this process/);
    unlock();
    // pid 1 is alive on every machine: another process holding the directory.
    writeFileSync(`${data}.lock`, "1");
    expect(() => lockDataDirectory(data)).toThrow(/open in process 1/);
    // A pid no process has: a lock left by a process that died.
    writeFileSync(`${data}.lock`, "2147483646");
    const again = lockDataDirectory(data);
    again();
  });
});
