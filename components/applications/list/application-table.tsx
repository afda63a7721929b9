import {
  Table,
  TableBody,
  TableCaption,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { cn } from "@/lib/utils";
import type { ApplicationRow } from "./application-list-model";
import type { SortDir, SortKey } from "./application-list-params";
import { ApplicationTableRow } from "./application-table-row";
import { SortableColumnHeader } from "./sortable-column-header";
import { applicationPath } from "@/lib/applications/routes";

const SORT_LABELS: Record<SortKey, string> = {
  name: "name",
  clientId: "client ID",
  scopes: "number of scopes",
  risk: "highest risk",
};

export interface ApplicationTableProps {
  rows: readonly ApplicationRow[];
  entityId: string;
  consoleClientId: string;
  sort: SortKey;
  dir: SortDir;
  onSort: (column: SortKey) => void;
  /** Page n of m, for the caption that screen readers read with the table. */
  page: number;
  pageCount: number;
  /** The rows are about to change (a search is being applied): dimmed, not hidden. */
  stale?: boolean;
  /** When the list was loaded (ms since the epoch): secret ages count to it, on server and browser alike. */
  now: number;
}

/** One page of the list as a real table; at most 100 rows, so the DOM stays small. */
export function ApplicationTable({
  rows,
  entityId,
  consoleClientId,
  sort,
  dir,
  onSort,
  page,
  pageCount,
  stale = false,
  now,
}: ApplicationTableProps) {
  const header = { sort, dir, onSort };
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
          <TableHead className="w-12">
            <span className="sr-only">Icon</span>
          </TableHead>
          <SortableColumnHeader column="name" {...header}>
            Name
          </SortableColumnHeader>
          <SortableColumnHeader column="clientId" {...header}>
            Client ID
          </SortableColumnHeader>
          <TableHead className="whitespace-normal">Client type</TableHead>
          <SortableColumnHeader column="scopes" {...header}>
            Scopes
          </SortableColumnHeader>
          <SortableColumnHeader column="risk" {...header}>
            Highest risk
          </SortableColumnHeader>
          <TableHead className="text-right whitespace-normal">Redirect URIs</TableHead>
          <TableHead className="whitespace-normal">Secret age</TableHead>
          <TableHead className="whitespace-normal">Created by</TableHead>
          <TableHead className="text-right">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <ApplicationTableRow
            key={row.application.id}
            row={row}
            now={now}
            href={applicationPath(entityId, row.application.id)}
            isConsoleCredential={
              consoleClientId !== "" && row.application.clientId === consoleClientId
            }
          />
        ))}
      </TableBody>
    </Table>
  );
}
