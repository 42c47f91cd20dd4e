// review screens' text (ko); keys start with "review.".
export default {
};
