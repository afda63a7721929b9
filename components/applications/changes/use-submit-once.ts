"use client";

import { useCallback, useState } from "react";
import type { ActionResult } from "@/lib/auth/action";

/**
 * The browser's half of "one request reaches Wink once", for create, update, rotate and delete:
 * one request at a time (a second submit while one is pending is ignored, not queued), and a
 * submission id on each request, which the server's replay guard claims once.
 *
 * The rule for the id, the same for all four changes: it names one request, and it is renewed as
 * soon as that request has an answer, whatever the answer: success, refusal, or unknown outcome
 * (Wink's answer was lost, or the console itself did not answer).
 *
 * Why not keep it after an unknown outcome, so that a resend is refused as a repeat? The id is
 * the right guard against the same request arriving twice (a double click, a replayed POST), and
 * it does that while the request is pending and by the server's claim. After an unknown outcome,
 * the admin's next request is a new, deliberate one, made after looking at Wink's state as the
 * message says; a kept id would refuse it for the guard's whole lifetime even when nothing had
 * happened (an edit Wink never received could not be saved again). What makes that second
 * request safe is state on the server, not the id: a rotate is refused when the client ID is no
 * longer the one the admin saw (a rotate that happened changed it) and while another runs; a
 * deleted application is Wink's 404; an update sends the whole object, so saving it twice leaves
 * the same application; and the rotate and delete dialogs stop offering their button after an
 * unknown outcome (no blind retry), so the admin reopens them from a fresh page.
 */
export class SubmitOnce {
  private id: string;
  private inFlight = false;

  constructor(private readonly newId: () => string = () => crypto.randomUUID()) {
    this.id = newId();
  }

  get pending(): boolean {
    return this.inFlight;
  }

  /** The id the next request will carry. */
  get submissionId(): string {
    return this.id;
  }

  /** A new attempt (a dialog opened again) starts with a new id. Ignored while a request runs. */
  renew(): void {
    if (!this.inFlight) this.id = this.newId();
  }

  /**
   * Sends `request` with the current id, unless one is pending (then null, and nothing is sent).
   * A thrown error means the console did not answer: the request may have reached Wink, so it comes
   * back as an unknown outcome with the `unanswered` words, never as an exception.
   */
  async send<T>(
    request: (submissionId: string) => Promise<ActionResult<T>>,
    unanswered: string,
  ): Promise<ActionResult<T> | null> {
    if (this.inFlight) return null;
    this.inFlight = true;
    try {
      return await request(this.id);
    } catch {
      return { ok: false, status: 0, outcomeUnknown: true, error: unanswered };
    } finally {
      this.id = this.newId();
      this.inFlight = false;
    }
  }
}

/**
 * One submit at a time to a change's server action, each carrying a submission id (the rule for
 * the id is on `SubmitOnce`, above). Deliberately not a react-query mutation: a create's or a rotate's
 * result carries the secret, which must live only in the reveal dialog's state, never in the query
 * client's cache; and no change is ever retried on its own.
 *
 * `send` gets the submission id first, then the arguments given to `submit`. `unanswered` is what
 * the admin reads when the console itself did not answer.
 */
export function useSubmitOnce<Args extends unknown[], T>(
  send: (submissionId: string, ...args: Args) => Promise<ActionResult<T>>,
  unanswered: string,
) {
  const [machine] = useState(() => new SubmitOnce());
  const [pending, setPending] = useState(false);

  const submit = useCallback(
    async (...args: Args): Promise<ActionResult<T> | null> => {
      if (machine.pending) return null;
      setPending(true);
      try {
        return await machine.send((submissionId) => send(submissionId, ...args), unanswered);
      } finally {
        setPending(false);
      }
    },
    [machine, send, unanswered],
  );

  const renew = useCallback(() => machine.renew(), [machine]);

  return { submit, pending, renew };
}
