/** Strapi's confirmation dialog with one action: shown while `question` is given, the action busy while it runs. */
import type * as React from 'react';
import { Button, Dialog } from '@strapi/design-system';
import { ConfirmDialog } from '@strapi/strapi/admin';

type ConfirmationProps = { title: string; action: string; question: React.ReactNode | null; busy: boolean; onConfirm: () => void; onClose: () => void };

export function Confirmation({ title, action, question, busy, onConfirm, onClose }: ConfirmationProps) {
  return (
    <Dialog.Root open={question !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      {question !== null ? (
        <ConfirmDialog
          title={title}
          endAction={
            <Button fullWidth onClick={onConfirm} loading={busy}>
              {action}
            </Button>
          }
        >
          {question}
        </ConfirmDialog>
      ) : null}
    </Dialog.Root>
  );
}
