// This app's fetch: the one API client of chat-client (ApiError, network failure code `network`, the server clock set
// from `serverTime`), with its defaults. Failures are worded at the call site by errorText (lib/error-text.ts).
import { createApiClient } from "@tenang/chat-client/api-client";

export const apiFetch = createApiClient();
