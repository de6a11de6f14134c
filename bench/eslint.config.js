import base from "@tenang/eslint-config/base";

export default base;
