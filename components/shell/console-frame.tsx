import Link from "next/link";
import type { ReactNode } from "react";
import { ProductMark } from "@/components/product-mark";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { EntitySwitcher, type EntityOption } from "./entity-switcher";
import { UserMenu } from "./user-menu";
import { activityPath, applicationsPath, consoleCredentialPath } from "@/lib/applications/routes";

const navLinkClasses =
  "rounded-sm text-link hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none";

/**
 * The signed-in shell: the product's name, the managing entity (a switcher when there is a
 * choice), the signed-in person with their role, and sign-out. `signOutAction` is the server action
 * the sign-out button posts to; the route layout passes it in, so the shell does not reach into
 * the routes.
 */
export function ConsoleFrame({
  viewer,
  entities,
  currentEntityId,
  signOutAction,
  children,
}: {
  viewer: { email: string; name: string | null; role: Role };
  signOutAction: () => Promise<void>;
  entities?: EntityOption[];
  currentEntityId?: string;
  children: ReactNode;
}) {
  const current = entities?.find((entity) => entity.id === currentEntityId);
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only rounded bg-card px-3 py-2 focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <header className="border-b border-border bg-card">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-4 px-4 py-3 sm:px-6">
          <div className="flex flex-wrap items-center gap-6">
            <Link href="/" className="rounded focus-visible:ring-2 focus-visible:ring-ring">
              <ProductMark />
            </Link>
            {entities && currentEntityId && entities.length > 1 ? (
              <EntitySwitcher entities={entities} currentId={currentEntityId} />
            ) : current ? (
              <span className="text-sm text-body" data-testid="entity-name">
                <bdi>{current.name}</bdi>
              </span>
            ) : null}
            {currentEntityId ? (
              <nav aria-label="Sections" className="flex gap-4 text-sm font-medium">
                <Link href={applicationsPath(currentEntityId)} className={navLinkClasses}>
                  Applications
                </Link>
                <Link href={activityPath(currentEntityId)} className={navLinkClasses}>
                  Activity
                </Link>
                <Link href={consoleCredentialPath(currentEntityId)} className={navLinkClasses}>
                  Console credential
                </Link>
              </nav>
            ) : null}
          </div>
          <UserMenu
            name={viewer.name}
            email={viewer.email}
            roleLabel={ROLE_LABELS[viewer.role]}
            signOutAction={signOutAction}
          />
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-8 sm:px-6">
        {children}
      </main>
    </div>
  );
}
