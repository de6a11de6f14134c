import "server-only";
// WhatsApp as a second channel (issue 11 §2), through Meta's WhatsApp Cloud API: POST <api>/<phone-number-id>/messages
// with a template message. Messages a business starts must use a template approved in WhatsApp Manager; ours are
// named `tenang_<notification key>` in English (`en`) and Indonesian (`id`), each with one body variable {{1}} that
// carries booking-core's sentence for the notification. Off unless the context has `whatsapp` settings.
import type { Locale } from "@tenang/booking-core/locale";
import type { WhatsAppSettings } from "../context";
import type { SendOutcome } from "./web-push-sender";

const SEND_TIMEOUT_MS = 5_000;

export interface WhatsAppTemplateMessage {
  /** E.164, e.g. +6281234567890. */
  to: string;
  template: string;
  language: Locale;
  /** The body's variables, {{1}} … in order. */
  bodyParams: string[];
}

/** The request body the Cloud API documents for a template message. */
export function templateRequestBody(message: WhatsAppTemplateMessage): Record<string, unknown> {
  return {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    // The API takes the number with its country code and without the plus.
    to: message.to.replace(/^\+/, ""),
    type: "template",
    template: {
      name: message.template,
      language: { code: message.language },
      components: [{ type: "body", parameters: message.bodyParams.map((text) => ({ type: "text", text })) }],
    },
  };
}

interface GraphError {
  error?: { message?: string; code?: number };
}

export async function sendWhatsAppTemplate(
  settings: WhatsAppSettings,
  message: WhatsAppTemplateMessage,
): Promise<SendOutcome> {
  const url = `${settings.apiUrl.replace(/\/+$/, "")}/${encodeURIComponent(settings.phoneNumberId)}/messages`;
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { authorization: `Bearer ${settings.accessToken}`, "content-type": "application/json" },
      body: JSON.stringify(templateRequestBody(message)),
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    if (response.ok) return { kind: "sent", status: response.status };
    const body = (await response.json().catch(() => ({}))) as GraphError;
    // Graph's message already names its code, e.g. "(#131030) Recipient phone number not in allowed list".
    const detail = body.error?.message ?? (body.error?.code ? `#${body.error.code}` : "");
    const error = `HTTP ${response.status} ${detail}`;
    // 429 and 5xx pass; any other refusal (bad number, unknown template, token) needs a person, not a retry.
    const retry = response.status === 429 || response.status >= 500;
    return { kind: "failed", retry, error: error.trim().slice(0, 500) };
  } catch (error) {
    return { kind: "failed", retry: true, error: error instanceof Error ? error.message : String(error) };
  }
}
