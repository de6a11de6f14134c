import { describe, expect, it } from "vitest";
import { LOCAL_DEV_VAPID, pushSettingsFrom, whatsAppSettingsFrom } from "./push-env";

const keys = {
  VAPID_PUBLIC_KEY: "B".repeat(87),
  VAPID_PRIVATE_KEY: "k".repeat(43),
  VAPID_SUBJECT: "mailto:ops@tenang.id",
};

describe("pushSettingsFrom", () => {
  it("uses the three variables when all are set, whatever the endpoint", () => {
    expect(pushSettingsFrom({ APPWRITE_ENDPOINT: "https://cloud.appwrite.io/v1", ...keys })).toEqual({
      vapidPublicKey: keys.VAPID_PUBLIC_KEY,
      vapidPrivateKey: keys.VAPID_PRIVATE_KEY,
      vapidSubject: keys.VAPID_SUBJECT,
    });
  });

  it("falls back to the dev pair only for a local Appwrite, and is off for a remote one", () => {
    expect(pushSettingsFrom({ APPWRITE_ENDPOINT: "http://127.0.0.1:8080/v1" })?.vapidPublicKey).toBe(
      LOCAL_DEV_VAPID.publicKey,
    );
    expect(pushSettingsFrom({ APPWRITE_ENDPOINT: "https://cloud.appwrite.io/v1" })).toBeUndefined();
  });

  it("refuses a partial configuration", () => {
    expect(() =>
      pushSettingsFrom({ APPWRITE_ENDPOINT: "https://cloud.appwrite.io/v1", VAPID_PUBLIC_KEY: keys.VAPID_PUBLIC_KEY }),
    ).toThrow(/all three or none/);
  });
});

describe("whatsAppSettingsFrom", () => {
  const api = { WHATSAPP_API_URL: "https://graph.facebook.com/v21.0" };
  it("is off by default, on with both the phone number id and the token, refused with one", () => {
    expect(whatsAppSettingsFrom({})).toBeUndefined();
    expect(whatsAppSettingsFrom({ WHATSAPP_PHONE_NUMBER_ID: "1", WHATSAPP_ACCESS_TOKEN: "t".repeat(40) })?.apiUrl).toBe(
      "https://graph.facebook.com/v21.0",
    );
    expect(
      whatsAppSettingsFrom({
        ...api,
        WHATSAPP_PHONE_NUMBER_ID: "106540352242922",
        WHATSAPP_ACCESS_TOKEN: "t".repeat(40),
      }),
    ).toEqual({ apiUrl: api.WHATSAPP_API_URL, phoneNumberId: "106540352242922", accessToken: "t".repeat(40) });
    expect(() => whatsAppSettingsFrom({ ...api, WHATSAPP_PHONE_NUMBER_ID: "106540352242922" })).toThrow(
      /both or neither/,
    );
  });
});
