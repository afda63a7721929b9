import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { TableCell, TableHead, TableRow } from "@/components/ui/table";
import { ApplicationIcon } from "@/components/applications/display/application-icon";
import type { ApplicationRow } from "./application-list-model";
import { ScopeRiskBadge, ScopeSummaryBadge } from "@/components/applications/display/scope-summary";

const linkClasses =
  "rounded-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-1 focus-visible:ring-offset-card focus-visible:outline-none";

export function ApplicationTableRow({
  row,
  href,
  isConsoleCredential,
}: {
  row: ApplicationRow;
  href: string;
  /** The application whose credential the console itself holds. */
  isConsoleCredential: boolean;
}) {
  const { application, risk } = row;
  const { name, clientId } = application;
  const redirects = application.redirectUris.length;
  return (
    <TableRow data-testid="application-row" className="hover:bg-subtle">
      <TableCell className="w-12">
        <ApplicationIcon name={name} iconIdentifier={application.iconIdentifier} />
      </TableCell>
      <TableHead scope="row" className="h-auto py-2 whitespace-normal">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <Link
            href={href}
            prefetch={false}
            className={`${linkClasses} font-medium break-words text-link hover:underline`}
          >
            {name || <span className="text-muted-foreground italic">Unnamed</span>}
          </Link>
          {isConsoleCredential ? <Badge variant="info">Used by this console</Badge> : null}
        </div>
      </TableHead>
      <TableCell>
        <div className="flex items-center gap-1">
          <code title={clientId} className="block max-w-48 truncate font-mono text-xs text-body">
            {clientId}
          </code>
          <CopyButton value={clientId} label={`client ID of ${name}`} variant="ghost" size="sm" />
        </div>
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
      <TableCell className="text-right">
        <Link
          href={href}
          prefetch={false}
          className={`${linkClasses} font-medium text-link hover:underline`}
        >
          View<span className="sr-only"> {name}</span>
        </Link>
      </TableCell>
    </TableRow>
  );
}
