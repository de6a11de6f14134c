import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ChatMessageItem, type ChatMessageItemProps, type ChatMessageLabels, type ShownMessage } from "./chat-message";

const labels: ChatMessageLabels = {
  sending: "Sending…",
  failed: "Not sent.",
  retrySend: "Send again",
  discard: "Remove",
  locationPin: "Location",
  openMap: "Open in maps",
  photoAltOwn: "Photo you sent",
  photoAltFrom: (name) => `Photo from ${name}`,
  image: "Photo",
  openPhoto: "Open the photo full size",
  closePhoto: "Close",
  photoUnavailable: "Photo unavailable",
};

const base = {
  id: "m1",
  bookingId: "b1",
  senderType: "therapist",
  senderId: "t1",
  clientMessageId: "client-0001",
  createdAt: "2026-12-07T10:15:00.000Z",
  delivery: "sent",
} as const;

function show(message: ShownMessage, props: Partial<ChatMessageItemProps> = {}) {
  const onRetry = vi.fn();
  const onDiscard = vi.fn();
  render(
    <ol>
      <ChatMessageItem
        message={message}
        own={false}
        authorName="Ayu"
        locale="en"
        time="18:15"
        photoPath={(bookingId, fileId) => `/api/bookings/${bookingId}/chat/images/${fileId}`}
        labels={labels}
        onRetry={onRetry}
        onDiscard={onDiscard}
        {...props}
      />
    </ol>,
  );
  return { onRetry, onDiscard, user: userEvent.setup() };
}

describe("ChatMessageItem", () => {
  it("words a system message in the viewer's language, tinted by what it means", () => {
    show(
      {
        ...base,
        kind: "system",
        senderType: "system",
        senderId: null,
        systemKey: "delayed",
        systemParams: { delayMinutes: 10 },
      },
      { locale: "id" },
    );
    const item = screen.getByTestId("system-message");
    expect(item.dataset.key).toBe("delayed");
    expect(item.textContent).toContain("Terapis Anda terlambat sekitar 10 menit.");
    expect(item.textContent).toContain("18:15");
    expect(item.querySelector(".bg-amber-50")).not.toBeNull();
  });

  it("leaves out a system message whose parameters it cannot read", () => {
    show({ ...base, kind: "system", senderType: "system", senderId: null, systemKey: "delayed", systemParams: {} });
    expect(screen.queryByTestId("system-message")).toBeNull();
    expect(screen.queryByRole("listitem")).toBeNull();
  });

  it("shows someone else's text with their name, and one's own without", () => {
    show({ ...base, kind: "text", text: "On my way" });
    const theirs = screen.getByTestId("chat-message");
    expect(theirs.dataset).toMatchObject({ own: "false", kind: "text", delivery: "sent" });
    expect(theirs.textContent).toBe("AyuOn my way18:15");
  });

  it("marks the viewer's own message and hides the author line", () => {
    show({ ...base, kind: "text", text: "See you" }, { own: true });
    const mine = screen.getByTestId("chat-message");
    expect(mine.dataset.own).toBe("true");
    expect(mine.textContent).toBe("See you18:15");
  });

  it("shows 'Sending…' instead of a time while the message is out", () => {
    show({ ...base, kind: "text", text: "Hello", delivery: "sending" }, { own: true });
    const item = screen.getByTestId("chat-message");
    expect(item.dataset.delivery).toBe("sending");
    expect(item.textContent).toBe("HelloSending…");
  });

  it("offers to send a failed message again or remove it", async () => {
    const { user, onRetry, onDiscard } = show(
      { ...base, kind: "text", text: "Hello", delivery: "failed" },
      { own: true },
    );
    expect(screen.getByTestId("chat-message").textContent).toContain("Not sent.");
    await user.click(screen.getByRole("button", { name: "Send again" }));
    expect(onRetry).toHaveBeenCalledWith("client-0001");
    await user.click(screen.getByRole("button", { name: "Remove" }));
    expect(onDiscard).toHaveBeenCalledWith("client-0001");
  });

  it("makes the failure text itself the retry button when there is no separate retry label", async () => {
    const { retrySend: _unused, ...tapToRetry } = { ...labels, failed: "Not sent. Tap to retry." };
    const { user, onRetry } = show(
      { ...base, kind: "text", text: "Hello", delivery: "failed" },
      { own: true, labels: tapToRetry },
    );
    await user.click(screen.getByRole("button", { name: "Not sent. Tap to retry." }));
    expect(onRetry).toHaveBeenCalledWith("client-0001");
    expect(screen.getAllByRole("button").map((button) => button.textContent)).toEqual([
      "Not sent. Tap to retry.",
      "Remove",
    ]);
  });

  it("links a shared pin to the map, titled by its caption or 'Location'", () => {
    show({ ...base, kind: "location", lat: -8.68, lng: 115.16, text: null });
    const link = screen.getByTestId<HTMLAnchorElement>("location-link");
    expect(link.getAttribute("href")).toBe("https://www.google.com/maps/search/?api=1&query=-8.68,115.16");
    expect(link.target).toBe("_blank");
    expect(link.rel).toBe("noopener noreferrer");
    expect(link.textContent).toBe("LocationOpen in maps");
  });

  it("uses a pin's caption as its title", () => {
    show({ ...base, kind: "location", lat: -8.68, lng: 115.16, text: "Villa gate" });
    expect(screen.getByTestId("location-link").textContent).toBe("Villa gateOpen in maps");
  });

  it("shows a stored photo from the app's route, its caption under it", () => {
    show({ ...base, kind: "image", imageFileId: "f1", text: "The door" });
    const item = screen.getByTestId("chat-message");
    expect(item.dataset.kind).toBe("image");
    const photo = within(item).getByTestId<HTMLImageElement>("chat-photo");
    expect(photo.getAttribute("src")).toBe("/api/bookings/b1/chat/images/f1");
    expect(photo.alt).toBe("Photo from Ayu");
    expect(item.textContent).toContain("The door");
  });

  it.each([
    [true, "Ayu", "Photo you sent"],
    [false, undefined, "Photo"],
  ])("words a photo's alt text for who sent it (own: %s, author: %s)", (own, authorName, alt) => {
    show({ ...base, kind: "image", imageFileId: "f1", text: null }, { own, authorName });
    expect(screen.getByTestId<HTMLImageElement>("chat-photo").alt).toBe(alt);
  });
});
