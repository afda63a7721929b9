import { describe, expect, it } from "vitest";
import {
  describeStanding,
  describeSummary,
  needsRotation,
  secretStanding,
  summarizeStandings,
} from "./secret-policy";

const issued = (days: number) => ({ days, atLeast: false, since: new Date(0) });
const seen = (days: number) => ({ days, atLeast: true, since: new Date(0) });
const policy90 = { maxAgeDays: 90 };

describe("the secret-age policy at its edges", () => {
  it("day 89 of 90 is due in 1 day, day 90 due today, day 91 overdue by 1 day", () => {
    expect(describeStanding(secretStanding(issued(89), policy90))).toBe("due in 1 day");
    expect(describeStanding(secretStanding(issued(90), policy90))).toBe("due today");
    expect(describeStanding(secretStanding(issued(91), policy90))).toBe("overdue by 1 day");
    expect(describeStanding(secretStanding(issued(100), policy90))).toBe("overdue by 10 days");
  });

  it("turns off at 0: no standing and nothing needs rotation", () => {
    const standing = secretStanding(issued(400), { maxAgeDays: 0 });
    expect(standing).toEqual({ state: "off" });
    expect(describeStanding(standing)).toBeNull();
    expect(needsRotation(standing)).toBe(false);
  });

  it("counts due within 14 days and overdue as needing rotation, not later ones", () => {
    expect(needsRotation(secretStanding(issued(75), policy90))).toBe(false); // due in 15
    expect(needsRotation(secretStanding(issued(76), policy90))).toBe(true); // due in 14
    expect(needsRotation(secretStanding(issued(95), policy90))).toBe(true);
  });

  it("calls a secret issued outside the console unknown until its lower bound is past the limit", () => {
    expect(describeStanding(secretStanding(seen(40), policy90))).toBe(
      "at least 40 days old, age unknown",
    );
    expect(needsRotation(secretStanding(seen(89), policy90))).toBe(false);
    expect(describeStanding(secretStanding(seen(91), policy90))).toBe("overdue by at least 1 day");
  });

  it("summarises overdue and due-soon counts in words", () => {
    const standings = [91, 120, 130, 80, 90, 10].map((d) => secretStanding(issued(d), policy90));
    const summary = summarizeStandings(standings);
    expect(summary).toEqual({ overdue: 3, dueSoon: 2 });
    expect(describeSummary(summary)).toBe("3 overdue, 2 due within 14 days");
    expect(describeSummary({ overdue: 0, dueSoon: 0 })).toBeNull();
    expect(describeSummary({ overdue: 1, dueSoon: 0 })).toBe("1 overdue");
  });
});
