// The background owns everything stateful (rules, notices, history). For now it only announces
// itself; assessment arrives with the rules engine.
export default defineBackground(() => {});
