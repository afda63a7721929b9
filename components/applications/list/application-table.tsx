import type { ReactNode } from "react";
import {
  Table,
  TableBody,
  TableCaption,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { cn } from "@/lib/utils";
import type { ListedApplication } from "@/lib/applications/listed-application";
import type { SortDir, SortKey } from "@/lib/applications/list-params";
import { ApplicationTableRow } from "./application-table-row";
import { SortableColumnHeader } from "./sortable-column-header";
import { applicationPath } from "@/lib/applications/routes";

/**
 * The table's columns in order: a sortable one names its sort key and how the caption reads it;
 * the others are plain headers. The cells follow the same order in ApplicationTableRow.
 */
type Column = { header: ReactNode; className?: string } & (
  { sort: SortKey; sortLabel: string } | { sort?: undefined }
);

const COLUMNS: readonly Column[] = [
  { header: <span className="sr-only">Icon</span>, className: "w-12" },
  { header: "Name", sort: "name", sortLabel: "name" },
  { header: "Client ID", sort: "clientId", sortLabel: "client ID" },
  { header: "Client type", className: "whitespace-normal" },
  { header: "Scopes", sort: "scopes", sortLabel: "number of scopes" },
  { header: "Highest risk", sort: "risk", sortLabel: "highest risk" },
  { header: "Redirect URIs", className: "text-right whitespace-normal" },
  { header: "Secret", sort: "secret", sortLabel: "secret due date" },
  { header: "Created by", className: "whitespace-normal" },
  { header: <span className="sr-only">Actions</span>, className: "text-right" },
];

const SORT_LABELS = Object.fromEntries(
  COLUMNS.flatMap((column) => (column.sort ? [[column.sort, column.sortLabel]] : [])),
) as Record<SortKey, string>;

export interface ApplicationTableProps {
  applications: readonly ListedApplication[];
  entityId: string;
  consoleClientId: string;
  sort: SortKey;
  dir: SortDir;
  onSort: (column: SortKey) => void;
  /** Page n of m, for the caption that screen readers read with the table. */
  page: number;
  pageCount: number;
  /** The rows are about to change (a new view is loading): dimmed, not hidden. */
  stale?: boolean;
  /** When the list was loaded (ms since the epoch): secret ages count to it, on server and browser alike. */
  now: number;
  /** The rotation policy's limit in days; 0: off. */
  maxAgeDays: number;
}

/** One page of the list as a real table; at most 100 rows, so the DOM stays small. */
export function ApplicationTable({
  applications,
  entityId,
  consoleClientId,
  sort,
  dir,
  onSort,
  page,
  pageCount,
  stale = false,
  now,
  maxAgeDays,
}: ApplicationTableProps) {
  return (
    <Table
      wrapperClassName={cn(
        "rounded-lg border border-border bg-card transition-opacity",
        stale && "opacity-70",
      )}
      aria-busy={stale || undefined}
    >
      <TableCaption className="sr-only">
        Applications, sorted by {SORT_LABELS[sort]}, {dir === "asc" ? "ascending" : "descending"}.
        Page {page} of {pageCount}.
      </TableCaption>
      <TableHeader className="bg-subtle">
        <TableRow>
          {COLUMNS.map((column, index) =>
            column.sort ? (
              <SortableColumnHeader
                key={column.sort}
                column={column.sort}
                sort={sort}
                dir={dir}
                onSort={onSort}
                className={column.className}
              >
                {column.header}
              </SortableColumnHeader>
            ) : (
              <TableHead key={index} className={column.className}>
                {column.header}
              </TableHead>
            ),
          )}
        </TableRow>
      </TableHeader>
      <TableBody>
        {applications.map((application) => (
          <ApplicationTableRow
            key={application.id}
            application={application}
            now={now}
            maxAgeDays={maxAgeDays}
            href={applicationPath(entityId, application.id)}
            isConsoleCredential={consoleClientId !== "" && application.clientId === consoleClientId}
          />
        ))}
      </TableBody>
    </Table>
  );
}
