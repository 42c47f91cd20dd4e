// review screens' text (en); keys start with "review.".
export default {
};
