// console screens' text (ko); keys start with "console.".
export default {
};
