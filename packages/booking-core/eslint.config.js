import pure from "@tenang/eslint-config/pure";

export default pure;
