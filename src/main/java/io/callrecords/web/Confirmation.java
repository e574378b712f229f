package io.callrecords.web;

import org.springframework.ui.Model;

/**
 * The step before an action that cannot be undone: a page that says what will happen, with the form that does it
 * and a way back. Works without JavaScript (no dialog to dismiss by accident).
 */
final class Confirmation {

    private Confirmation() {}

    static String page(Model model, String title, String question, String consequence, String action, String button,
                       String back) {
        model.addAttribute("title", title);
        model.addAttribute("question", question);
        model.addAttribute("consequence", consequence);
        model.addAttribute("action", action);
        model.addAttribute("button", button);
        model.addAttribute("back", back);
        return "confirm";
    }
}
