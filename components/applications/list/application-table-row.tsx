import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { TableCell, TableHead, TableRow } from "@/components/ui/table";
import { isBlankText } from "@/lib/applications/display-text";
import { ApplicationIcon } from "@/components/applications/display/application-icon";
import type { ListedApplication } from "@/lib/applications/listed-application";
import { summarizeScopes } from "@/lib/wink-contract/scopes";
import { SecretDueCell } from "./secret-due-cell";
import { FullTextTooltip } from "@/components/applications/display/full-text-tooltip";
import { ScopeRiskBadge, ScopeSummaryBadge } from "@/components/applications/display/scope-summary";
import { ClientTypeText, CreatedByText } from "@/components/applications/record/record-texts";

const linkClasses =
  "rounded-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-1 focus-visible:ring-offset-card focus-visible:outline-none";

/** One application of the list; the cells follow the columns of ApplicationTable. */
export function ApplicationTableRow({
  application,
  now,
  maxAgeDays,
  href,
  isConsoleCredential,
}: {
  application: ListedApplication;
  /** What secret ages count to: when the list was loaded. */
  now: number;
  /** The rotation policy's limit in days; 0: off. */
  maxAgeDays: number;
  href: string;
  /** The application whose credential the console itself holds. */
  isConsoleCredential: boolean;
}) {
  const risk = summarizeScopes(application.scopes).highest;
  const { name, clientId } = application;
  const redirects = application.redirectUris.length;
  const blank = isBlankText(name);
  return (
    <TableRow data-testid="application-row" className="hover:bg-subtle">
      <TableCell className="w-12">
        <ApplicationIcon name={name} iconIdentifier={application.iconIdentifier} />
      </TableCell>
      <TableHead scope="row" className="h-auto py-2 whitespace-normal">
        <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
          {/* Truncated, so a long unbroken name cannot widen the table; the tooltip holds it all. */}
          <FullTextTooltip text={blank ? "Unnamed" : name}>
            <Link
              href={href}
              prefetch={false}
              data-testid="application-name"
              className={`${linkClasses} block max-w-52 truncate font-medium text-link hover:underline`}
            >
              {blank ? (
                <span className="text-muted-foreground italic">Unnamed</span>
              ) : (
                <bdi>{name}</bdi>
              )}
            </Link>
          </FullTextTooltip>
          {isConsoleCredential ? <Badge variant="info">Used by this console</Badge> : null}
        </div>
      </TableHead>
      <TableCell>
        <div className="flex items-center gap-1">
          <FullTextTooltip text={clientId}>
            {/* Focusable so that keyboard users reach the tooltip with the whole client ID. */}
            <code
              tabIndex={0}
              className={`${linkClasses} block max-w-32 truncate font-mono text-xs text-body`}
            >
              <bdi>{clientId}</bdi>
            </code>
          </FullTextTooltip>
          <CopyButton
            value={clientId}
            label={`client ID of ${blank ? "Unnamed" : name}`}
            variant="ghost"
            size="sm"
          />
        </div>
      </TableCell>
      <TableCell className="text-sm">
        <ClientTypeText record={application.record} application={application} />
      </TableCell>
      <TableCell>
        <ScopeSummaryBadge scopes={application.scopes} />
      </TableCell>
      <TableCell>
        {risk ? (
          <ScopeRiskBadge risk={risk} />
        ) : (
          <span className="text-muted-foreground">None</span>
        )}
      </TableCell>
      <TableCell className="text-right tabular-nums">{redirects}</TableCell>
      <TableCell className="text-sm">
        <SecretDueCell record={application.record} now={now} maxAgeDays={maxAgeDays} />
      </TableCell>
      <TableCell className="text-sm">
        <CreatedByText record={application.record} />
      </TableCell>
      <TableCell className="text-right">
        <Link
          href={href}
          prefetch={false}
          className={`${linkClasses} font-medium text-link hover:underline`}
        >
          View
          <span className="sr-only">
            {" "}
            <bdi>{blank ? "Unnamed" : name}</bdi>
          </span>
        </Link>
      </TableCell>
    </TableRow>
  );
}
