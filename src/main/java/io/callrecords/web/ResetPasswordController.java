package io.callrecords.web;

import io.callrecords.accounts.PasswordResets;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page a one-time link of {@code callrecords users reset-password} opens: it sets the person's password. Opening
 * the link uses nothing up (a mail scanner or a preview may open it); setting the password does. Without a session,
 * the form is protected like the sign-in form (double-submit cookie).
 */
@Controller
class ResetPasswordController {

    private static final String UNUSABLE = "This link does not work: it was used already, is older than an hour, or"
            + " your password changed since it was made. Ask an administrator for a new one.";

    private final PasswordResets resets;

    ResetPasswordController(PasswordResets resets) {
        this.resets = resets;
    }

    @GetMapping("/reset-password")
    String form(@RequestParam(defaultValue = "") String token, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        PagePaths.secureHeaders(response);
        Optional<PasswordResets.For> person = token.isEmpty() ? Optional.empty() : resets.usable(token);
        if (person.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("unusable", UNUSABLE);
            return "reset-password";
        }
        return render(request, response, model, token, person.get(), Map.of());
    }

    @PostMapping("/reset-password")
    String reset(@RequestParam(defaultValue = "") String token,
                 @RequestParam(name = "new_password", defaultValue = "") String chosen,
                 @RequestParam(name = "repeat_password", defaultValue = "") String repeated,
                 @RequestParam(name = "_csrf", defaultValue = "") String csrf,
                 HttpServletRequest request, HttpServletResponse response, Model model) {
        PagePaths.secureHeaders(response);
        Optional<PasswordResets.For> person = token.isEmpty() ? Optional.empty() : resets.usable(token);
        if (person.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("unusable", UNUSABLE);
            return "reset-password";
        }
        if (!SignInController.formTokenMatches(request, csrf)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return render(request, response, model, token, person.get(),
                    Map.of("form", "had expired: please enter the new password again"));
        }
        switch (resets.reset(token, chosen, repeated)) {
            case PasswordResets.Done done -> {
                Cookies.clear(request, response, SignInController.FORM_COOKIE);
                Cookies.clear(request, response, PageSessionFilter.COOKIE);
                return "redirect:/sign-in?notice=password-set";
            }
            case PasswordResets.Invalid invalid -> {
                response.setStatus(422);
                return render(request, response, model, token, person.get(), invalid.errors());
            }
            case PasswordResets.Unusable unusable -> {
                response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                model.addAttribute("unusable", UNUSABLE);
                return "reset-password";
            }
        }
    }

    private static String render(HttpServletRequest request, HttpServletResponse response, Model model, String token,
                                 PasswordResets.For person, Map<String, String> errors) {
        model.addAttribute("csrf", SignInController.formToken(request, response));
        model.addAttribute("token", token);
        model.addAttribute("person", person);
        model.addAttribute("errors", errors);
        return "reset-password";
    }
}
