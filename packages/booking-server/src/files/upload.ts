import "server-only";
// What a repository stores: a file that passed booking-core's upload check (checkUpload judges the bytes), named
// for what its bytes are (storedFileName).
export interface Upload {
  name: string;
  bytes: Uint8Array;
}
