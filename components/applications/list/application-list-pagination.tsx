"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { PAGE_SIZES, type PageSize } from "@/lib/applications/list-params";
import { ListSelect } from "@/components/ui/list-select";

// aria-disabled rather than disabled: a button that turns disabled under the keyboard drops focus
// to the top of the page, so at the first or last page it stays focusable and does nothing.
const edgeClasses = "aria-disabled:cursor-not-allowed aria-disabled:opacity-60";

export interface ApplicationListPaginationProps {
  page: number;
  pageCount: number;
  size: PageSize;
  onPageChange: (page: number) => void;
  onSizeChange: (size: PageSize) => void;
}

export function ApplicationListPagination({
  page,
  pageCount,
  size,
  onPageChange,
  onSizeChange,
}: ApplicationListPaginationProps) {
  const id = useId();
  return (
    <nav
      aria-label="Pages of applications"
      className="flex flex-wrap items-center justify-between gap-3 text-sm text-body"
    >
      <div className="flex items-center gap-2">
        <label htmlFor={`${id}-size`}>Rows per page</label>
        <ListSelect
          id={`${id}-size`}
          value={size}
          onChange={(event) => onSizeChange(Number(event.target.value) as PageSize)}
          className="w-auto"
        >
          {PAGE_SIZES.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </ListSelect>
      </div>
      <div className="flex items-center gap-2">
        <p>
          Page <span className="font-medium text-foreground">{page}</span> of{" "}
          <span className="font-medium text-foreground">{pageCount}</span>
        </p>
        <Button
          type="button"
          variant="outline"
          size="sm"
          onClick={() => page > 1 && onPageChange(page - 1)}
          aria-disabled={page <= 1}
          className={edgeClasses}
        >
          <ChevronLeft aria-hidden="true" />
          Previous<span className="sr-only"> page</span>
        </Button>
        <Button
          type="button"
          variant="outline"
          size="sm"
          onClick={() => page < pageCount && onPageChange(page + 1)}
          aria-disabled={page >= pageCount}
          className={edgeClasses}
        >
          Next<span className="sr-only"> page</span>
          <ChevronRight aria-hidden="true" />
        </Button>
      </div>
    </nav>
  );
}
