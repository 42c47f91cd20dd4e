// console screens' text (en); keys start with "console.".
export default {
};
