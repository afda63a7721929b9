import "server-only";
import { EnvError, getEnv } from "@/lib/env";

/** Validates the settings once at start-up; a bad one ends the process with a message naming it. */
export function validateSettingsOrExit(): void {
  try {
    getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
