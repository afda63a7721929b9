import type { ReactNode } from "react";
import { ProductMark } from "@/components/product-mark";

/** Pages for people who are not (or not yet) inside the console: a centred card. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="mb-6">
        <ProductMark />
      </div>
      <div className="w-full max-w-md rounded-xl border border-border bg-card p-8 shadow-sm">
        {children}
      </div>
    </main>
  );
}
