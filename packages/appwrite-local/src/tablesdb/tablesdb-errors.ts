// The TablesDB error types and messages Appwrite answers with (app/config/errors.php), in one place so every route
// says the same thing for the same situation.
import { AppwriteError } from "../errors.ts";

const e = (code: number, type: string, message: string) => new AppwriteError(code, type, message);

export const tdbErrors = {
  badRequest: (message: string) => e(400, "general_bad_request", message),
  databaseNotFound: (id: string) =>
    e(404, "database_not_found", `Database with the requested ID '${id}' could not be found.`),
  databaseAlreadyExists: (id: string) =>
    e(
      409,
      "database_already_exists",
      `Database with the requested ID '${id}' already exists. Try again with a different ID or use ID.unique() to generate a unique ID.`,
    ),
  tableNotFound: (id: string) => e(404, "table_not_found", `Table with the requested ID '${id}' could not be found.`),
  tableAlreadyExists: (id: string) =>
    e(
      409,
      "table_already_exists",
      `A table with the requested ID '${id}' already exists. Try again with a different ID or use ID.unique() to generate a unique ID.`,
    ),
  rowNotFound: (id: string) => e(404, "row_not_found", `Row with the requested ID '${id}' could not be found.`),
  rowAlreadyExists: (id: string) =>
    e(
      409,
      "row_already_exists",
      `Row with the requested ID '${id}' already exists. Try again with a different ID or use ID.unique() to generate a unique ID.`,
    ),
  rowUniqueViolation: () =>
    e(
      409,
      "row_unique_constraint_violation",
      "Row violates a unique column constraint. Try again with different value(s).",
    ),
  rowInvalidStructure: (detail: string) => e(400, "row_invalid_structure", detail),
  rowMissingData: (message = "The row data is missing. Try again with row data populated.") =>
    e(400, "row_missing_data", message),
  rowMissingPayload: () =>
    e(
      400,
      "row_missing_payload",
      "The row data and permissions are missing. You must provide either row data or permissions to be updated.",
    ),
  columnNotFound: (key: string) =>
    e(404, "column_not_found", `Column with the requested key '${key}' could not be found.`),
  columnAlreadyExists: (key: string) =>
    e(
      409,
      "column_already_exists",
      `Column with the requested key '${key}' already exists. Column keys must be unique, try again with a different key.`,
    ),
  columnValueInvalid: (message: string) => e(400, "column_value_invalid", message),
  columnDefaultUnsupported: (message: string) => e(400, "column_default_unsupported", message),
  columnUnknown: (key: string) =>
    e(
      400,
      "column_unknown",
      `The column '${key}' required for the index could not be found. Please confirm all your columns are in the available state.`,
    ),
  columnTypeInvalid: (message: string) => e(400, "column_type_invalid", message),
  columnInvalidResize: () =>
    e(
      400,
      "column_invalid_resize",
      "Existing data is too large for new size, truncate your existing data then try again.",
    ),
  columnLimitExceeded: (message: string) => e(400, "column_limit_exceeded", message),
  attributeTypeInvalid: (message: string) => e(400, "attribute_type_invalid", message),
  attributeLimitExceeded: (message: string) => e(400, "attribute_limit_exceeded", message),
  indexNotFound: (key: string) =>
    e(404, "column_index_not_found", `Index with the requested key '${key}' could not be found.`),
  indexAlreadyExists: (key: string) =>
    e(
      409,
      "column_index_already_exists",
      `Index with the requested key '${key}' already exists. Try again with a different key.`,
    ),
  indexInvalid: (message: string) => e(400, "column_index_invalid", message),
  cursorNotFound: (id: string) => e(400, "general_cursor_not_found", `Row '${id}' for the 'cursor' value not found.`),
  orderNull: (column: string) =>
    e(
      400,
      "database_query_order_null",
      `The order column '${column}' had a null value. Cursor pagination requires all rows order column values are non-null.`,
    ),
  transactionNotFound: (id: string) =>
    e(404, "transaction_not_found", `Transaction with the requested ID '${id}' could not be found.`),
  transactionNotReady: () =>
    e(400, "transaction_not_ready", "The transaction is not ready yet. Please try again later."),
  transactionExpired: () =>
    e(410, "transaction_expired", "The transaction has expired. Please create a new transaction and try again."),
  transactionConflict: () =>
    e(409, "transaction_conflict", "The transaction has a conflict. Please resolve the conflict and try again."),
  transactionLimit: (message: string) => e(400, "transaction_limit_exceeded", message),
  documentInvalidStructure: (detail: string) => e(400, "document_invalid_structure", detail),
  documentNotFound: (id: string) =>
    e(404, "document_not_found", `Document with the requested ID '${id}' could not be found.`),
};
