/**
 * The digest as a Slack-compatible incoming-webhook message: `text` (the notification and the
 * fallback for clients without blocks) and `blocks` (a header, one section per entity with secrets
 * to rotate, a context line). Mattermost, Rocket.Chat and Teams' Slack-compatible endpoints read
 * the same shape.
 *
 * Limits from Slack's Block Kit reference: at most 50 blocks a message, 150 characters in a header,
 * 3000 in a section's text. Names come from admins and from Wink, so `&`, `<` and `>` are escaped as
 * Slack asks: unescaped, a name could write `<!channel>` or a link of its own into the message.
 */
import { applicationPath } from "@/lib/applications/routes";
import { applicationLine, digestHeadline, type SecretDigest } from "./digest";

export type SlackBlock =
  | { type: "header"; text: { type: "plain_text"; text: string } }
  | { type: "section"; text: { type: "mrkdwn"; text: string } }
  | { type: "context"; elements: { type: "mrkdwn"; text: string }[] };

export type SlackMessage = { text: string; blocks: SlackBlock[] };

const MAX_BLOCKS = 50;
const MAX_SECTION = 3000;
const MAX_HEADER = 150;

/** Slack's three control characters in mrkdwn text. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * `consoleOrigin` (AUTH_URL, e.g. `https://console.example.com`), when known, links each
 * application to its page in the console.
 */
export function slackMessage(
  digest: SecretDigest,
  consoleOrigin: string | null = null,
): SlackMessage {
  const headline = digestHeadline(digest);
  const blocks: SlackBlock[] = [
    {
      type: "header",
      text: { type: "plain_text", text: clip(`Secret-age report, ${digest.day}`, MAX_HEADER) },
    },
    { type: "section", text: { type: "mrkdwn", text: escapeSlack(headline) } },
  ];
  const entities = digest.entities.filter((entity) => entity.applications.length > 0);
  // Two blocks are the header and headline, one the closing context: the rest are entities'.
  const room = MAX_BLOCKS - 3;
  for (const entity of entities.slice(0, room)) {
    const lines = entity.applications.map((application) => {
      const line = escapeSlack(applicationLine(application));
      if (!consoleOrigin) return `• ${line}`;
      const url = `${consoleOrigin}${applicationPath(entity.id, application.id)}`;
      return `• <${escapeSlack(url)}|${line}>`;
    });
    const text = `*${escapeSlack(entity.name)}*\n${lines.join("\n")}`;
    blocks.push({ type: "section", text: { type: "mrkdwn", text: clip(text, MAX_SECTION) } });
  }
  const left = entities.length - room;
  const context = [
    digest.policyOff ? "Policy off." : `Policy: rotate every ${digest.maxAgeDays} days.`,
    left > 0 ? `${left} more managing entities not shown: run the report for all of them.` : "",
  ].filter(Boolean);
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: context.join(" ") }] });
  return { text: `${headline} (${digest.day})`, blocks };
}
