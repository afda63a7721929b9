import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import type { ReactNode } from "react";
import { TableHead } from "@/components/ui/table";
import { cn } from "@/lib/utils";
import type { SortDir, SortKey } from "@/lib/applications/list-params";

/**
 * A column header that sorts the list. `aria-sort` sits only on the column the list is sorted by
 * (as in the WAI-ARIA sortable table pattern); the button's name is the column's name.
 */
export function SortableColumnHeader({
  column,
  sort,
  dir,
  onSort,
  className,
  children,
}: {
  column: SortKey;
  sort: SortKey;
  dir: SortDir;
  onSort: (column: SortKey) => void;
  className?: string;
  children: ReactNode;
}) {
  const active = column === sort;
  const Icon = active ? (dir === "asc" ? ArrowUp : ArrowDown) : ArrowUpDown;
  return (
    <TableHead
      aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}
      className={className}
    >
      <button
        type="button"
        onClick={() => onSort(column)}
        className={cn(
          "-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 font-medium hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
          active ? "text-foreground" : "text-body",
        )}
      >
        {children}
        <Icon aria-hidden="true" className={cn("size-3.5", !active && "text-faint")} />
      </button>
    </TableHead>
  );
}
