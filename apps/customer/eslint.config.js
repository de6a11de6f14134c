import next from "@tenang/eslint-config/next";

export default next;
