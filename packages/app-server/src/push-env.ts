// Web Push configuration (issue 11 §2): the VAPID key pair and contact the server signs pushes with. Pure, like
// env.ts: each app's src/env.ts adds `pushEnvShape` to its schema and turns the result into settings here.
//
// All three variables, or none. None against a local Appwrite (the same loopback rule as the API key): a fixed dev
// pair below, so `pnpm dev` and the e2e kit need no setup and a browser's subscription keeps working across restarts
// and `.data` resets. None against a remote Appwrite: push is off (the apps and the worker run without it).
import { z } from "zod";
import { blankAsMissing, isLoopbackUrl } from "./env";

// DEV ONLY, public on purpose: it signs pushes only for apps whose Appwrite is this machine, where every subscription
// was made by a developer's own browser. Production sets VAPID_* (generate with `pnpm dlx web-push generate-vapid-keys`).
export const LOCAL_DEV_VAPID = {
  publicKey: "BOYW7O39MRXITBSMfTjDV32fiuBwR2C63xQ9rWrP7qFzKRiPKaH9GqVYLFK9VzAcZMX83B0lkgsOlOdeAMVCDbQ",
  privateKey: "4Xyag1FioT_rLoli02i8k9nIJtN0wE4wl8lFf6EIdtg",
  subject: "mailto:dev@tenang.localhost",
} as const;

const WHATSAPP_DEFAULT_API_URL = "https://graph.facebook.com/v21.0";

const base64url = z.string().regex(/^[A-Za-z0-9_-]+$/, "must be base64url (as web-push generates it)");

export const pushEnvShape = {
  /** 65-byte P-256 public key, base64url (87 characters). Sent to browsers, who subscribe with it. */
  VAPID_PUBLIC_KEY: z.preprocess(blankAsMissing, base64url.length(87).optional()),
  /** 32-byte private key, base64url (43 characters). Server and worker only. */
  VAPID_PRIVATE_KEY: z.preprocess(blankAsMissing, base64url.length(43).optional()),
  /** How push services can reach whoever runs this: mailto:… or https://… */
  VAPID_SUBJECT: z.preprocess(
    blankAsMissing,
    z
      .string()
      .regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, "must be a mailto: address or an https: URL")
      .optional(),
  ),
};

/**
 * WhatsApp as a second channel (booking-server notifications/whatsapp-cloud.ts): off unless both the phone number id
 * and the token are set. The templates it sends (`tenang_<notification>`, en + id) must be approved first.
 */
export const whatsAppEnvShape = {
  /** The Cloud API's base. Default: https://graph.facebook.com/v21.0 */
  WHATSAPP_API_URL: z.preprocess(blankAsMissing, z.url({ protocol: /^https?$/ }).optional()),
  /** WhatsApp Manager → API setup → Phone number ID. */
  WHATSAPP_PHONE_NUMBER_ID: z.preprocess(blankAsMissing, z.string().regex(/^\d+$/).optional()),
  /** A system user's permanent token with whatsapp_business_messaging. Server and worker only. */
  WHATSAPP_ACCESS_TOKEN: z.preprocess(blankAsMissing, z.string().min(20).optional()),
};

export interface WhatsAppSettings {
  apiUrl: string;
  phoneNumberId: string;
  accessToken: string;
}

/** The settings, or undefined (the default: the channel is off). Throws when only one of id and token is set. */
export function whatsAppSettingsFrom(env: {
  WHATSAPP_API_URL?: string | undefined;
  WHATSAPP_PHONE_NUMBER_ID?: string | undefined;
  WHATSAPP_ACCESS_TOKEN?: string | undefined;
}): WhatsAppSettings | undefined {
  const { WHATSAPP_PHONE_NUMBER_ID: phoneNumberId, WHATSAPP_ACCESS_TOKEN: accessToken } = env;
  if (phoneNumberId === undefined && accessToken === undefined) return undefined;
  if (phoneNumberId === undefined || accessToken === undefined) {
    throw new Error(
      "Invalid environment variables:\n  - WHATSAPP_PHONE_NUMBER_ID, WHATSAPP_ACCESS_TOKEN: set both or neither",
    );
  }
  return { apiUrl: env.WHATSAPP_API_URL ?? WHATSAPP_DEFAULT_API_URL, phoneNumberId, accessToken };
}

export interface PushEnv {
  APPWRITE_ENDPOINT: string;
  VAPID_PUBLIC_KEY?: string | undefined;
  VAPID_PRIVATE_KEY?: string | undefined;
  VAPID_SUBJECT?: string | undefined;
}

/** booking-server's PushSettings (same shape; app-server does not import booking-server). */
export interface PushSettings {
  vapidPublicKey: string;
  vapidPrivateKey: string;
  vapidSubject: string;
}

/** The settings, or undefined when push is off. Throws when only some of the three are set. */
export function pushSettingsFrom(env: PushEnv): PushSettings | undefined {
  const given = [env.VAPID_PUBLIC_KEY, env.VAPID_PRIVATE_KEY, env.VAPID_SUBJECT];
  if (given.every((v) => v !== undefined)) {
    return {
      vapidPublicKey: env.VAPID_PUBLIC_KEY as string,
      vapidPrivateKey: env.VAPID_PRIVATE_KEY as string,
      vapidSubject: env.VAPID_SUBJECT as string,
    };
  }
  if (given.some((v) => v !== undefined)) {
    throw new Error(
      "Invalid environment variables:\n  - VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY, VAPID_SUBJECT: set all three or none",
    );
  }
  if (!isLoopbackUrl(env.APPWRITE_ENDPOINT)) return undefined;
  return {
    vapidPublicKey: LOCAL_DEV_VAPID.publicKey,
    vapidPrivateKey: LOCAL_DEV_VAPID.privateKey,
    vapidSubject: LOCAL_DEV_VAPID.subject,
  };
}
