"use client";

import { type ReactNode, useCallback, useRef, useState } from "react";

type Request = { message: string; confirmLabel: string; resolve: (confirmed: boolean) => void };

/**
 * A confirmation in the page's own modal <dialog> instead of the browser's confirm(): the
 * platform's showModal() traps focus, makes the rest of the page inert and closes on Escape;
 * the dialog says what will happen and names the action on its button.
 *
 *   const [confirm, confirmDialog] = useConfirm();
 *   if (await confirm("Remove Ana?", "Remove")) …
 *   return <>{…}{confirmDialog}</>;
 */
export function useConfirm(): [(message: string, confirmLabel: string) => Promise<boolean>, ReactNode] {
  const dialog = useRef<HTMLDialogElement>(null);
  const [request, setRequest] = useState<Request | null>(null);

  const confirm = useCallback(
    (message: string, confirmLabel: string) =>
      new Promise<boolean>((resolve) => {
        setRequest({ message, confirmLabel, resolve });
        // Opened once React has rendered the message into it.
        requestAnimationFrame(() => dialog.current?.showModal());
      }),
    [],
  );

  const answer = (confirmed: boolean) => {
    request?.resolve(confirmed);
    setRequest(null);
    dialog.current?.close();
  };

  const element = (
    <dialog
      ref={dialog}
      aria-labelledby="confirm-dialog-message"
      onCancel={() => answer(false)}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-200 p-5 shadow-xl backdrop:bg-slate-900/40"
    >
      <p id="confirm-dialog-message" className="text-sm text-slate-800">
        {request?.message}
      </p>
      <div className="mt-4 flex justify-end gap-2">
        <button
          type="button"
          onClick={() => answer(false)}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-50"
        >
          Cancel
        </button>
        <button
          type="button"
          onClick={() => answer(true)}
          className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800"
        >
          {request?.confirmLabel}
        </button>
      </div>
    </dialog>
  );
  return [confirm, element];
}
