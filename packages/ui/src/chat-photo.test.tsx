import { fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ChatPhoto, type ChatPhotoLabels } from "./chat-photo";

const labels: ChatPhotoLabels = {
  openPhoto: "Open the photo full size",
  closePhoto: "Close",
  photoUnavailable: "Photo unavailable",
};

const created: string[] = [];
const revoked: string[] = [];

beforeEach(() => {
  created.length = 0;
  revoked.length = 0;
  vi.spyOn(URL, "createObjectURL").mockImplementation(() => {
    const url = `blob:local-${created.length + 1}`;
    created.push(url);
    return url;
  });
  vi.spyOn(URL, "revokeObjectURL").mockImplementation((url) => void revoked.push(url));
});

afterEach(() => {
  vi.restoreAllMocks();
});

const thumbnail = () => screen.getByTestId<HTMLImageElement>("chat-photo");

describe("ChatPhoto", () => {
  it("shows the stored photo from the app's route when there is no local file", () => {
    render(<ChatPhoto storedSrc="/api/chat/b1/images/f1" alt="Photo from Ayu" labels={labels} />);
    expect(thumbnail().getAttribute("src")).toBe("/api/chat/b1/images/f1");
    expect(thumbnail().alt).toBe("Photo from Ayu");
    expect(created).toEqual([]);
  });

  it("shows the picked file while it uploads and releases its URL once the stored photo replaces it", () => {
    const file = new Blob(["jpeg"], { type: "image/jpeg" });
    const { rerender } = render(
      <ChatPhoto localImage={file} storedSrc="/api/chat/b1/images/f1" alt="Photo you sent" labels={labels} />,
    );
    expect(thumbnail().getAttribute("src")).toBe("blob:local-1");
    rerender(<ChatPhoto storedSrc="/api/chat/b1/images/f1" alt="Photo you sent" labels={labels} />);
    expect(thumbnail().getAttribute("src")).toBe("/api/chat/b1/images/f1");
    expect(revoked).toEqual(["blob:local-1"]);
  });

  it("releases the local URL when the message leaves the screen", () => {
    const file = new Blob(["jpeg"], { type: "image/jpeg" });
    const { unmount } = render(<ChatPhoto localImage={file} storedSrc="/s" alt="Photo you sent" labels={labels} />);
    unmount();
    expect(revoked).toEqual(["blob:local-1"]);
  });

  it("says the photo is unavailable when the browser cannot draw it", () => {
    render(<ChatPhoto storedSrc="/api/chat/b1/images/gone" alt="Photo from Ayu" labels={labels} />);
    fireEvent.error(thumbnail());
    expect(screen.getByTestId("chat-photo-unavailable").textContent).toBe("Photo unavailable");
    expect(screen.queryByTestId("chat-photo")).toBeNull();
  });

  it("does not let a broken preview hide the stored photo that replaces it", () => {
    const file = new Blob(["not an image"], { type: "image/heic" });
    const { rerender } = render(<ChatPhoto localImage={file} storedSrc="/stored" alt="Photo" labels={labels} />);
    fireEvent.error(thumbnail());
    expect(screen.getByTestId("chat-photo-unavailable")).toBeTruthy();
    rerender(<ChatPhoto storedSrc="/stored" alt="Photo" labels={labels} />);
    expect(thumbnail().getAttribute("src")).toBe("/stored");
  });

  it("opens full size in a modal dialog on a tap, and closes from its button or the backdrop", async () => {
    const user = userEvent.setup();
    render(<ChatPhoto storedSrc="/stored" alt="Photo from Ayu" labels={labels} />);
    const dialog = screen.getByTestId<HTMLDialogElement>("chat-photo-dialog");
    expect(dialog.open).toBe(false);

    await user.click(screen.getByRole("button", { name: "Open the photo full size" }));
    expect(dialog.open).toBe(true);
    await user.click(screen.getByRole("button", { name: "Close" }));
    expect(dialog.open).toBe(false);

    await user.click(screen.getByRole("button", { name: "Open the photo full size" }));
    // A click on the full-size photo keeps it open; one on the dialog itself (the backdrop) closes it.
    fireEvent.click(within(dialog).getByRole("img"));
    expect(dialog.open).toBe(true);
    fireEvent.click(dialog);
    expect(dialog.open).toBe(false);
  });
});
