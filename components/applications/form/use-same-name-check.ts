"use client";

import { useRef, useState } from "react";
import { fetchSameName } from "@/components/applications/data/fetch-same-name";
import { nameKey } from "@/lib/applications/same-name";

/**
 * Stops a create whose name reads the same as an application the entity already has, on any page
 * of the list and whatever its search, until the admin confirms ("Create anyway"). It asks the
 * server once per submit (never per keystroke), which answers from its copy of Wink's list while
 * that is a few seconds old. `typedName` is the name field's current value: the warning goes away
 * once it changes. `checking` is true while the question is on its way.
 */
export function useSameNameCheck(entityId: string, typedName: string) {
  const [existing, setExisting] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  // The name the admin confirmed, as nameKey() reads it.
  const accepted = useRef<string | null>(null);
  // Set while a check runs: a second submit then stops, and the first one goes on.
  const running = useRef(false);

  return {
    /** The existing application's name while the warning stands, else null. */
    existing: existing !== null && nameKey(typedName) === nameKey(existing) ? existing : null,
    checking,
    /**
     * Whether the submit of `name` goes on ("create"), stops for the warning ("warned"), or stops
     * because the check of an earlier submit still runs and that submit goes on ("busy").
     */
    async check(name: string): Promise<"create" | "warned" | "busy"> {
      if (running.current) return "busy";
      if (nameKey(name) === "" || accepted.current === nameKey(name)) return "create";
      running.current = true;
      setChecking(true);
      let twin: string | null;
      try {
        twin = await fetchSameName(entityId, name);
      } catch {
        // The warning is advice, and Wink itself takes a second application of the same name:
        // a check that cannot be answered (network, Wink unavailable) must not stop a create
        // the admin asked for, nor warn of a twin nobody saw. The create itself then reports
        // whatever stopped the check, if it lasts.
        return "create";
      } finally {
        running.current = false;
        setChecking(false);
      }
      if (twin === null) return "create";
      setExisting(twin);
      return "warned";
    },
    accept() {
      accepted.current = existing === null ? null : nameKey(existing);
      setExisting(null);
    },
    reset() {
      accepted.current = null;
      setExisting(null);
    },
  };
}
