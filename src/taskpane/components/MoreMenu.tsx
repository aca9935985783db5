/**
 * 更多: the pane's secondary actions as a disclosure — a button that shows a short list of
 * buttons under it. Not Fluent's Menu: that brings a positioning engine and portal (about 20 KB
 * gzip of the script the pane waits for at start) for four items. Keyboard: Enter/Space opens
 * and focuses the first item, ↑/↓ move, Escape closes and returns to the button, and choosing an
 * item or leaving the list closes it.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { position: "relative" },
  list: {
    position: "absolute",
    right: 0,
    top: "100%",
    zIndex: 1,
    margin: 0,
    padding: tokens.spacingVerticalXS,
    listStyleType: "none",
    minWidth: "180px",
    maxWidth: "calc(100vw - 24px)",
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow16,
    borderRadius: tokens.borderRadiusMedium,
  },
  item: { width: "100%", justifyContent: "flex-start", whiteSpace: "normal", textAlign: "start" },
});

export interface MoreMenuItem {
  readonly key: string;
  readonly label: string;
  readonly disabled?: boolean;
  readonly onSelect: () => void;
}

export interface MoreMenuProps {
  readonly label: string;
  readonly accessibleLabel: string;
  readonly items: readonly MoreMenuItem[];
  readonly buttonRef?: React.Ref<HTMLButtonElement>;
}

export function MoreMenu({ label, accessibleLabel, items, buttonRef }: MoreMenuProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement | null>(null);
  const itemButtons = () => [...(rootRef.current?.querySelectorAll<HTMLButtonElement>("[data-menu-item]:not(:disabled)") ?? [])];

  useEffect(() => {
    if (open) itemButtons()[0]?.focus();
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) toggleRef.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (!open) return;
    if (event.key === "Escape") {
      event.preventDefault();
      close(true);
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    const buttons = itemButtons();
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = event.key === "ArrowDown" ? (at + 1) % buttons.length : (at - 1 + buttons.length) % buttons.length;
    buttons[next]?.focus();
  };
  return (
    <div
      className={styles.root}
      ref={rootRef}
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (open && !rootRef.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <Button
        size="small"
        appearance="subtle"
        aria-label={accessibleLabel}
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        ref={(element: HTMLButtonElement | HTMLAnchorElement | null) => {
          const button = element instanceof HTMLButtonElement ? element : null;
          toggleRef.current = button;
          if (typeof buttonRef === "function") buttonRef(button);
          else if (buttonRef) (buttonRef as React.MutableRefObject<HTMLButtonElement | null>).current = button;
        }}
        onClick={() => setOpen(!open)}
      >
        {label} ▾
      </Button>
      {open && (
        <ul id={listId} className={styles.list} aria-label={accessibleLabel}>
          {items.map((item) => (
            <li key={item.key}>
              <Button
                data-menu-item
                className={styles.item}
                appearance="subtle"
                disabled={item.disabled}
                onClick={() => {
                  close(false);
                  item.onSelect();
                }}
              >
                {item.label}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
