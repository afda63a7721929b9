import { describe, expect, it } from "vitest";
import type { SecretDigest } from "./digest";
import { escapeSlack, slackMessage } from "./slack";

const digest = (names: string[], entities = 1): SecretDigest => ({
  day: "2026-11-30",
  maxAgeDays: 90,
  policyOff: false,
  summary: { overdue: names.length * entities, dueSoon: 0 },
  entities: Array.from({ length: entities }, (_, n) => ({
    id: `entity-${n}`,
    name: `Entity <${n}>`,
    applications: names.map((name, index) => ({
      id: `app-${index}`,
      name,
      clientId: `client-${index}`,
      standing: { state: "overdue", overdueByDays: 2, ageIsLowerBound: false },
      words: "overdue by 2 days",
      isConsoleCredential: false,
    })),
  })),
});

describe("the webhook's Slack message", () => {
  it("escapes names, so that a name cannot mention a channel or write a link", () => {
    expect(escapeSlack("<!channel> & <http://evil.test|click>")).toBe(
      "&lt;!channel&gt; &amp; &lt;http://evil.test|click&gt;",
    );
    const message = slackMessage(digest(["<!channel> Booking"]));
    const body = JSON.stringify(message);
    expect(body).not.toContain("<!channel>");
    expect(body).toContain("&lt;!channel&gt; Booking");
    expect(body).toContain("*Entity &lt;0&gt;*");
  });

  it("keeps within Slack's limits: 50 blocks, 3000 characters a section", () => {
    const message = slackMessage(digest([`A${"x".repeat(200)}`].concat(Array(40).fill("B")), 80));
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    for (const block of message.blocks) {
      if (block.type === "section") expect(block.text.text.length).toBeLessThanOrEqual(3000);
    }
    expect(JSON.stringify(message.blocks.at(-1))).toContain("33 more managing entities not shown");
  });
});
