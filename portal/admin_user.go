package portal

import (
	"github.com/gofiber/fiber/v2"

	"parkportal/internal/account"
	"parkportal/internal/auth"
)

// userFormData is what the user form needs besides the values.
type userFormData struct {
	User        *account.User
	Roles       []auth.Role
	Enterprises []account.Enterprise
}

func (s *Server) userFormData(c *fiber.Ctx, u *account.User) (userFormData, error) {
	list, _, err := s.svc.Accounts.Enterprises(c.UserContext(), actorOf(c), account.EnterpriseFilter{Limit: 200})
	roles := []auth.Role{}
	for _, r := range auth.Roles {
		if r != auth.Supervisor {
			roles = append(roles, r)
		}
	}
	return userFormData{User: u, Roles: roles, Enterprises: list}, err
}

// adminUserList lists the workstation's accounts.
func (s *Server) adminUserList(c *fiber.Ctx) error {
	list, err := s.svc.Accounts.Users(c.UserContext(), actorOf(c))
	if err != nil {
		return err
	}
	v := s.view(c, "admin.users")
	v.Data = list
	return s.render(c, "admin_users", v)
}

// adminUserNew shows an empty account form.
func (s *Server) adminUserNew(c *fiber.Ctx) error {
	v := s.view(c, "user.new")
	v.Form = account.UserInput{Active: true}
	data, err := s.userFormData(c, &account.User{})
	if err != nil {
		return err
	}
	v.Data = data
	return s.render(c, "user_form", v)
}

// adminUserCreate opens an account.
func (s *Server) adminUserCreate(c *fiber.Ctx) error {
	var in account.UserInput
	if err := bind(c, &in); err != nil {
		return err
	}
	if _, err := s.svc.Accounts.CreateUser(c.UserContext(), actorOf(c), in); err != nil {
		v := s.view(c, "user.new")
		in.Password = ""
		v.Form = in
		data, derr := s.userFormData(c, &account.User{})
		if derr != nil {
			return derr
		}
		v.Data = data
		return s.formError(c, "user_form", v, err)
	}
	s.setFlash(c, "flash.saved")
	return redirect(c, "/admin/users")
}

// adminUserEdit shows one account's form.
func (s *Server) adminUserEdit(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	u, err := s.svc.Accounts.User(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	v := s.view(c, "user.edit")
	v.Form = account.UserInput{Name: u.Name, Mobile: u.Mobile, Email: u.Email, Role: u.Role, OrgUnitID: u.OrgUnitID,
		EnterpriseID: u.EnterpriseID, Active: u.Active, Version: u.Version}
	data, err := s.userFormData(c, u)
	if err != nil {
		return err
	}
	v.Data = data
	return s.render(c, "user_form", v)
}

// adminUserUpdate saves an account's form.
func (s *Server) adminUserUpdate(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var in account.UserInput
	if err := bind(c, &in); err != nil {
		return err
	}
	if _, err := s.svc.Accounts.UpdateUser(c.UserContext(), actorOf(c), id, in); err != nil {
		v := s.view(c, "user.edit")
		in.Password = ""
		v.Form = in
		data, derr := s.userFormData(c, &account.User{ID: id})
		if derr != nil {
			return derr
		}
		v.Data = data
		return s.formError(c, "user_form", v, err)
	}
	s.setFlash(c, "flash.saved")
	return redirect(c, "/admin/users")
}
