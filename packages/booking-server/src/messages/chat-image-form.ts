import "server-only";
// The multipart body both apps' POST /api/bookings/[id]/images take — `file`, `clientMessageId`, optional `text` —
// read into uploadChatImage's arguments, so the two route handlers stay one call each. A body whose declared
// length is already past the limit is refused before it is read into memory.
import { DomainError } from "@tenang/booking-core/errors";
import type { Locale } from "@tenang/booking-core/locale";
import { chatImageRefusal, MAX_CHAT_IMAGE_BYTES } from "./chat-image-file";

/** Room for the multipart framing and the small fields around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

export interface ChatImageForm {
  file: Blob;
  clientMessageId: string;
  text: string | null;
}

export async function readChatImageForm(request: Request, locale: Locale = "en"): Promise<ChatImageForm> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > MAX_CHAT_IMAGE_BYTES + FORM_OVERHEAD_BYTES) {
    throw chatImageRefusal("image_too_large", locale);
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new DomainError("bad_request", "expected multipart/form-data");
  }
  const file = form.get("file");
  if (!(file instanceof Blob)) throw chatImageRefusal("image_missing", locale);
  const clientMessageId = form.get("clientMessageId");
  const text = form.get("text");
  return {
    file,
    // Left for uploadChatImage's schema to refuse, worded like every other validation message.
    clientMessageId: typeof clientMessageId === "string" ? clientMessageId : "",
    text: typeof text === "string" ? text : null,
  };
}
