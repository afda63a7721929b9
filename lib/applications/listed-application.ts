/**
 * The list's answer as the browser reads it: Wink's fields with the console's record per
 * application, and whether the record could be read at all. Pure, shared by the route handler's
 * client and the server (lib/applications/list-join.ts builds it).
 */
import { z } from "zod";
import { applicationSchema } from "@/lib/wink-contract/schemas";
import { publicRecordSchema } from "@/lib/applications/record/public-record";

export const listedApplicationSchema = applicationSchema.extend({
  /** Null when the record is unavailable, or the application is not in it yet. */
  record: publicRecordSchema.nullable(),
});
export type ListedApplication = z.infer<typeof listedApplicationSchema>;

export const applicationListSchema = z.object({
  applications: z.array(listedApplicationSchema),
  /** True when the console's record could not be read: Wink's data alone. */
  recordUnavailable: z.boolean().default(false),
});
export type ApplicationListData = z.infer<typeof applicationListSchema>;

/** The words the list and the application page show when the record is unavailable. */
export const RECORD_UNAVAILABLE_MESSAGE =
  "The console's record is unavailable: client types, secret ages and owners are not shown.";
