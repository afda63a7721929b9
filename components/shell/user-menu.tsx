import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";

/** Who is signed in, as what, and the way out. Rendered on the server: no client state. */
export function UserMenu({
  name,
  email,
  roleLabel,
  signOutAction,
}: {
  name: string | null;
  email: string;
  roleLabel: string;
  signOutAction: () => Promise<void>;
}) {
  return (
    <div className="flex items-center gap-3">
      <div className="text-right text-sm leading-tight">
        <div className="font-medium text-foreground">{name ?? email}</div>
        {name && <div className="text-muted-foreground">{email}</div>}
      </div>
      <Badge variant="neutral" data-testid="viewer-role">
        {roleLabel}
      </Badge>
      <form action={signOutAction}>
        <Button type="submit" variant="outline" size="sm">
          Sign out
        </Button>
      </form>
    </div>
  );
}
